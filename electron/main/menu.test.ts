import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/events';
import { MARKDOWN_GUIDE_URL, menuTemplate, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let folders = 0;
  const template = menuTemplate({
    isMac: false,
    send: (command) => sent.push(command),
    openFolder: () => {
      folders += 1;
    },
    openExternal: (url) => opened.push(url),
    ...overrides,
  });
  return { template, sent, opened, folders: () => folders };
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

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as (() => void) | undefined)?.();
}

describe('menuTemplate', () => {
  it('has File, Edit, View, Help on Windows and Linux', () => {
    expect(build().template.map((entry) => entry.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('puts the app menu first and a Window menu on macOS', () => {
    const roles = build({ isMac: true }).template.map((entry) => entry.role ?? entry.label);
    expect(roles).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('gives File its items and accelerators', () => {
    const file = submenu(build().template, 'File');
    const labelled = file.filter((entry) => entry.label !== undefined && entry.role === undefined);
    expect(labelled.map((entry) => [entry.label, entry.accelerator])).toEqual([
      ['New Post', 'CmdOrCtrl+N'],
      ['Open Folder…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Export HTML…', 'CmdOrCtrl+E'],
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

  it('gives Edit the standard editing roles', () => {
    const roles = submenu(build().template, 'Edit').map((entry) => entry.role ?? entry.type);
    expect(roles).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
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
    const accelerators: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]): void => {
      for (const entry of items) {
        if (typeof entry.accelerator === 'string') accelerators.push(entry.accelerator);
        if (Array.isArray(entry.submenu)) walk(entry.submenu);
      }
    };
    walk(build({ dev: true }).template);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
