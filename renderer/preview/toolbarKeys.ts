/**
 * The editor's formatting buttons as one toolbar (the ARIA toolbar pattern): a single Tab stop,
 * the arrow keys, Home and End move between its buttons. Sixteen Tab stops stood between the
 * front matter and the text. The heading button is a menu button: it says whether its menu is
 * open, the menu takes the focus when it opens, ↑ and ↓ move in it, and Escape, moving on or
 * leaving the toolbar closes it. The library renders the buttons and keeps the menu's state; this
 * names their row, moves the one Tab stop as the focus moves, and closes the menu the library's way.
 */

/** The toolbar's top-level buttons, in order (a heading menu's own buttons are not among them). */
function buttons(toolbar: Element): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>(':scope > ul > li > button')].filter(
    (button) => !button.disabled,
  );
}

/** The menus of the toolbar's menu buttons (the library's "child" toolbars), with their buttons. */
function menus(toolbar: Element): { button: HTMLButtonElement; menu: HTMLElement; open: boolean }[] {
  const found: { button: HTMLButtonElement; menu: HTMLElement; open: boolean }[] = [];
  for (const menu of toolbar.querySelectorAll<HTMLElement>(':scope > ul > li > .w-md-editor-toolbar-child')) {
    const button = menu.parentElement?.querySelector<HTMLButtonElement>(':scope > button');
    if (button != null) found.push({ button, menu, open: menu.classList.contains('active') });
  }
  return found;
}

function menuItems(menu: Element): HTMLButtonElement[] {
  return [...menu.querySelectorAll<HTMLButtonElement>('button')].filter((button) => !button.disabled);
}

/** Makes `toolbar` (the library's toolbar element) a named toolbar with one Tab stop; returns what undoes it. */
export function keepToolbar(toolbar: HTMLElement, name: string): () => void {
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', name);
  const stopAt = (current: HTMLButtonElement | undefined): void => {
    for (const button of buttons(toolbar)) button.tabIndex = button === current ? 0 : -1;
  };
  stopAt(buttons(toolbar)[0]);
  // The library closes its menus on a click anywhere in the editor.
  const closeMenus = (): void => {
    if (menus(toolbar).some(({ open }) => open)) toolbar.closest<HTMLElement>('.w-md-editor')?.click();
  };
  // Menu buttons say so, and whether their menu is open; an opened menu takes the focus.
  const showState = (): void => {
    for (const { button, menu, open } of menus(toolbar)) {
      button.setAttribute('aria-haspopup', 'true');
      button.setAttribute('aria-expanded', String(open));
      for (const item of menuItems(menu)) item.tabIndex = -1;
      if (open && document.activeElement === button) menuItems(menu)[0]?.focus();
    }
  };
  showState();
  const watcher = new MutationObserver(showState);
  watcher.observe(toolbar, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });

  const onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const inMenu = menus(toolbar).find(({ menu }) => menu.contains(target));
    if (inMenu !== undefined) {
      const items = menuItems(inMenu.menu);
      const at = items.indexOf(target as HTMLButtonElement);
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (step !== 0 && items.length > 0) {
        event.preventDefault();
        items[(at + step + items.length) % items.length]?.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        closeMenus();
        inMenu.button.focus();
      }
      return;
    }
    const all = buttons(toolbar);
    const at = all.indexOf(target as HTMLButtonElement);
    if (at < 0) return;
    if (event.key === 'Escape') {
      closeMenus();
      return;
    }
    const next =
      event.key === 'ArrowRight'
        ? all[(at + 1) % all.length]
        : event.key === 'ArrowLeft'
          ? all[(at - 1 + all.length) % all.length]
          : event.key === 'Home'
            ? all[0]
            : event.key === 'End'
              ? all.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    closeMenus();
    stopAt(next);
    next.focus();
  };
  // Clicked or reached another way: the Tab stop follows the focus.
  const onFocus = (event: FocusEvent): void => {
    const all = buttons(toolbar);
    if (all.includes(event.target as HTMLButtonElement)) stopAt(event.target as HTMLButtonElement);
  };
  // The focus left the toolbar: an open menu closes behind it.
  const onBlur = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !toolbar.contains(next)) closeMenus();
  };
  toolbar.addEventListener('keydown', onKey);
  toolbar.addEventListener('focusin', onFocus);
  toolbar.addEventListener('focusout', onBlur);
  return () => {
    watcher.disconnect();
    toolbar.removeEventListener('keydown', onKey);
    toolbar.removeEventListener('focusin', onFocus);
    toolbar.removeEventListener('focusout', onBlur);
  };
}
