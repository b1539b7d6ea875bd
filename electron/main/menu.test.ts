import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/events';
import { MARKDOWN_GUIDE_URL, menuTemplate, shortcutInputs, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const pressed: string[] = [];
  let folders = 0;
  const template = menuTemplate({
    isMac: false,
    send: (command) => sent.push(command),
    openFolder: () => {
      folders += 1;
    },
    openExternal: (url) => opened.push(url),
    press: (accelerator) => pressed.push(accelerator),
    ...overrides,
  });
  return { template, sent, opened, pressed, folders: () => folders };
}

/** Every accelerator of the menu, in one spelling (modifiers sorted, lower case). */
function accelerators(template: MenuItemConstructorOptions[]): string[] {
  const found: string[] = [];
  const walk = (items: MenuItemConstructorOptions[]): void => {
    for (const entry of items) {
      if (typeof entry.accelerator === 'string') found.push(canonical(entry.accelerator));
      if (Array.isArray(entry.submenu)) walk(entry.submenu);
    }
  };
  walk(template);
  return found;
}

function canonical(accelerator: string): string {
  const parts = accelerator.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  return [...parts.sort(), key].join('+');
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions, triggeredByAccelerator = false): void {
  (entry.click as ((item: unknown, win: unknown, event: unknown) => void) | undefined)?.({}, undefined, {
    triggeredByAccelerator,
  });
}

describe('menuTemplate', () => {
  it('has File, Edit, View, Help on Windows and Linux', () => {
    expect(build().template.map((entry) => entry.label)).toEqual(['File', 'Edit', 'Format', 'View', 'Help']);
  });

  it('puts the app menu first and a Window menu on macOS', () => {
    const roles = build({ isMac: true }).template.map((entry) => entry.role ?? entry.label);
    expect(roles).toEqual(['appMenu', 'File', 'Edit', 'Format', 'View', 'windowMenu', 'help']);
  });

  it('gives File its items and accelerators', () => {
    const file = submenu(build().template, 'File');
    const labelled = file.filter((entry) => entry.label !== undefined && entry.role === undefined);
    expect(labelled.map((entry) => [entry.label, entry.accelerator])).toEqual([
      ['New Post', 'CmdOrCtrl+N'],
      ['Open Folder…', 'CmdOrCtrl+O'],
      ['Open Post by Title…', 'CmdOrCtrl+P'],
      ['Save', 'CmdOrCtrl+S'],
      ['Export HTML…', 'CmdOrCtrl+E'],
      ['Delete Post…', undefined],
    ]);
    expect(file.at(-1)?.role).toBe('quit');
    expect(submenu(build({ isMac: true }).template, 'File').at(-1)?.role).toBe('close');
  });

  it('sends the document commands to the page and opens folders through the callback', () => {
    const built = build();
    const file = submenu(built.template, 'File');
    for (const label of ['New Post', 'Save', 'Export HTML…']) click(item(file, label));
    click(item(submenu(built.template, 'View'), 'Toggle Raw Front Matter'));
    expect(built.sent).toEqual(['newPost', 'save', 'exportHtml', 'toggleRaw']);
    click(item(file, 'Open Folder…'));
    expect(built.folders()).toBe(1);
  });

  it('gives Edit the standard editing roles, and Undo and Redo that ask the page', () => {
    const roles = submenu(build().template, 'Edit').map((entry) => entry.role ?? entry.type ?? entry.label);
    expect(roles).toEqual([
      'Undo',
      'Redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
      'separator',
      'Find…',
      'Find Next',
      'Find Previous',
      'Replace…',
      'separator',
      'Search All Posts…',
    ]);
    for (const isMac of [false, true]) {
      const built = build({ isMac });
      const edit = submenu(built.template, 'Edit');
      const undo = item(edit, 'Undo');
      const redo = item(edit, 'Redo');
      expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
      // The page has the key first everywhere; on macOS a key it left unhandled (a field's undo) comes back here.
      expect([undo.registerAccelerator, redo.registerAccelerator]).toEqual([isMac, isMac]);
      click(undo);
      click(redo, true);
      expect(built.sent).toEqual(['undo', 'redo']);
      expect(built.pressed).toEqual([]);
    }
  });

  it('offers Find…, Find Next, Find Previous and Replace… in Edit, asking the page', () => {
    for (const isMac of [false, true]) {
      const built = build({ isMac });
      const edit = submenu(built.template, 'Edit');
      const labels = ['Find…', 'Find Next', 'Find Previous', 'Replace…'];
      const items = labels.map((label) => item(edit, label));
      // Cmd+H hides the app on macOS: Replace is Cmd+Alt+F there.
      expect(items.map((entry) => entry.accelerator)).toEqual([
        'CmdOrCtrl+F',
        'CmdOrCtrl+G',
        'CmdOrCtrl+Shift+G',
        isMac ? 'Cmd+Alt+F' : 'Ctrl+H',
      ]);
      // The page has the key first everywhere; on macOS a key it left unhandled comes back here.
      for (const entry of items) expect(entry.registerAccelerator, entry.label).toBe(isMac);
      for (const entry of items) click(entry);
      expect(built.sent).toEqual(['find', 'findNext', 'findPrevious', 'replace']);
      expect(built.pressed).toEqual([]);
    }
  });

  it('offers Delete Post… in the File menu, asking the page (which asks the writer)', () => {
    const built = build();
    // No accelerator (see above): a post is never deleted by one slip of the keys.
    click(item(submenu(built.template, 'File'), 'Delete Post…'));
    expect(built.sent).toEqual(['deletePost']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (dev: boolean) => submenu(build({ dev }).template, 'View').map((entry) => entry.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('has a raw front-matter toggle with its own accelerator', () => {
    const toggle = item(submenu(build().template, 'View'), 'Toggle Raw Front Matter');
    expect(toggle.accelerator).toBe('CmdOrCtrl+Shift+M');
  });

  it('opens the Markdown guide from Help', () => {
    const built = build();
    click(item(submenu(built.template, 'Help'), 'Markdown Guide'));
    expect(built.opened).toEqual([MARKDOWN_GUIDE_URL]);
  });

  it('uses each accelerator once', () => {
    const all = accelerators(build({ dev: true }).template);
    expect(new Set(all).size).toBe(all.length);
  });

  it('presses the page’s own shortcuts when chosen with the mouse, never registering their keys', () => {
    const built = build();
    const format = submenu(built.template, 'Format').flatMap((entry) =>
      Array.isArray(entry.submenu) ? entry.submenu : entry.type === 'separator' ? [] : [entry],
    );
    const pageItems = [
      item(submenu(built.template, 'File'), 'Open Post by Title…'),
      ...format,
      item(submenu(built.template, 'Help'), 'Keyboard Shortcuts'),
      item(submenu(built.template, 'Edit'), 'Search All Posts…'),
      item(submenu(built.template, 'View'), 'Next Area'),
      item(submenu(built.template, 'View'), 'Previous Area'),
    ];
    for (const entry of pageItems) {
      expect(entry.registerAccelerator, entry.label).toBe(false);
      click(entry);
      // A key the page left unhandled comes back through the menu on macOS: it is not pressed again.
      click(entry, true);
    }
    expect(built.pressed).toEqual([
      'CmdOrCtrl+P',
      'CmdOrCtrl+B',
      'CmdOrCtrl+I',
      'CmdOrCtrl+K',
      ...[1, 2, 3, 4, 5, 6].map((level) => `CmdOrCtrl+${level}`),
      'Ctrl+D',
      'CmdOrCtrl+/',
      'CmdOrCtrl+Shift+F',
      'F6',
      'Shift+F6',
    ]);
    expect(built.sent).toEqual([]);
  });
});

describe('the menu and the help panel', () => {
  it('shows every Ctrl/Cmd shortcut the help panel lists', async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const panel = await readFile(path.join(here, '..', '..', 'renderer', 'components', 'HelpPanel.tsx'), 'utf8');
    // Esc, the arrows, Home/End/PageUp/PageDown and Enter move through the list or a dialog:
    // they are keys of the focused control, not commands, and have no menu item.
    const listed = [...panel.matchAll(/`([^`]*\$\{MOD\}[^`]*)`/g)]
      .flatMap((match) => (match[1] ?? '').split(' / '))
      .filter((keys) => keys.startsWith('${MOD}+'))
      .map((keys) => canonical(keys.replace('${MOD}+', 'CmdOrCtrl+')));
    expect(listed.length).toBeGreaterThanOrEqual(8);
    for (const isMac of [false, true]) {
      const shown = accelerators(build({ isMac }).template);
      for (const keys of listed) expect(shown, keys).toContain(keys);
    }
  });
});

describe('shortcutInputs', () => {
  it('presses Ctrl on Windows and Linux and Cmd on macOS, with the other modifiers', () => {
    expect(shortcutInputs('CmdOrCtrl+Shift+Z', false)).toEqual([
      { type: 'keyDown', keyCode: 'Z', modifiers: ['control', 'shift'] },
      { type: 'keyUp', keyCode: 'Z', modifiers: ['control', 'shift'] },
    ]);
    expect(shortcutInputs('CmdOrCtrl+/', true)[0]).toEqual({ type: 'keyDown', keyCode: '/', modifiers: ['meta'] });
  });
});
