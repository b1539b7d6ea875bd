/**
 * The editor's formatting buttons as one toolbar (the ARIA toolbar pattern): a single Tab stop,
 * the arrow keys, Home and End move between its buttons. Sixteen Tab stops stood between the
 * front matter and the text. The library renders the buttons; this names their row and moves the
 * one Tab stop as the focus moves.
 */

/** The toolbar's top-level buttons, in order (a heading menu's own buttons are not among them). */
function buttons(toolbar: Element): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>(':scope > ul > li > button')].filter(
    (button) => !button.disabled,
  );
}

/** Makes `toolbar` (the library's toolbar element) a named toolbar with one Tab stop; returns what undoes it. */
export function keepToolbar(toolbar: HTMLElement, name: string): () => void {
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', name);
  const stopAt = (current: HTMLButtonElement | undefined): void => {
    for (const button of buttons(toolbar)) button.tabIndex = button === current ? 0 : -1;
  };
  stopAt(buttons(toolbar)[0]);
  const onKey = (event: KeyboardEvent): void => {
    const all = buttons(toolbar);
    const at = all.indexOf(event.target as HTMLButtonElement);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
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
    stopAt(next);
    next.focus();
  };
  // Clicked or reached another way: the Tab stop follows the focus.
  const onFocus = (event: FocusEvent): void => {
    const all = buttons(toolbar);
    if (all.includes(event.target as HTMLButtonElement)) stopAt(event.target as HTMLButtonElement);
  };
  toolbar.addEventListener('keydown', onKey);
  toolbar.addEventListener('focusin', onFocus);
  return () => {
    toolbar.removeEventListener('keydown', onKey);
    toolbar.removeEventListener('focusin', onFocus);
  };
}
