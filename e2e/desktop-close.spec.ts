/**
 * Closing the desktop window and quitting the app with unsaved edits (Electron only): the page
 * asks Save / Don't save / Cancel, Cancel keeps everything, Save writes the post before the window
 * goes, Don't save quits without writing and without leaving a journal to restore.
 */
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { test as base, expect, projectRoot } from './fixtures';

const WRITING = 'writing-in-plain-text.md';
const TITLE = 'Writing in Plain Text';

interface Desktop {
  electronApp: ElectronApplication;
  window: Page;
  /** The app's data folder of this run (settings, journal, index). */
  dataDir: string;
}

const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({ postsDir }, use, testInfo) => {
    if (testInfo.project.metadata.mode !== 'electron') {
      testInfo.skip(true, 'Closing and quitting the desktop window need Electron; browser mode keeps beforeunload.');
      return;
    }
    const electron = findElectronBinary(projectRoot);
    if (!electron.ok) {
      console.log(`[electron] skipped "${testInfo.title}": no Electron binary (${electron.reason}).`);
      testInfo.skip(true, `No Electron binary: ${electron.reason}`);
      return;
    }
    const dataDir = `${postsDir}-data`;
    const electronApp = await _electron.launch({
      executablePath: electron.path,
      args: [projectRoot, '--posts', postsDir],
      env: { ...process.env, POSTWRIGHT_USER_DATA: dataDir },
    });
    await use({ electronApp, window: await electronApp.firstWindow(), dataDir });
    // A test that quit the app leaves nothing to close.
    if (electronApp.process().exitCode === null) await electronApp.close();
  },
});

async function typeInWriting(window: Page, text: string): Promise<void> {
  await window.getByRole('option', { name: TITLE }).click();
  const markdown = window.getByLabel('Markdown', { exact: true });
  await expect(markdown).toHaveValue(/Every few years/);
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await window.keyboard.insertText(text);
  await expect(window.getByRole('status')).toContainText(/unsaved/i);
}

/** Asks the main process to close the window, as its close button does. */
function closeWindow(app: ElectronApplication): Promise<void> {
  return app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.close();
  });
}

/** The journal files of this run (unsaved edits kept for restoring). */
async function journalFiles(dataDir: string): Promise<string[]> {
  try {
    const names = await readdir(path.join(dataDir, 'journal'), { recursive: true });
    return names.filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}

test('closing with unsaved edits asks; Cancel keeps the window, Save writes the post and closes', async ({
  desktop,
  postsDir,
}) => {
  const { electronApp, window } = desktop;
  await typeInWriting(window, '\nWritten before closing.\n');
  await closeWindow(electronApp);
  const question = window.getByRole('dialog', { name: 'Save your changes before closing?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(window.getByLabel('Markdown', { exact: true })).toHaveValue(/Written before closing\./);

  await closeWindow(electronApp);
  const closed = window.waitForEvent('close');
  await question.getByRole('button', { name: 'Save', exact: true }).click();
  await closed;
  expect(await readFile(path.join(postsDir, WRITING), 'utf8')).toContain('Written before closing.');
});

test("quitting with unsaved edits and Don't save quits, writing nothing and keeping no journal", async ({
  desktop,
  postsDir,
}) => {
  const { electronApp, window, dataDir } = desktop;
  const before = await readFile(path.join(postsDir, WRITING), 'utf8');
  await typeInWriting(window, '\nNot wanted.\n');
  // The journal keeps the edits about a second after typing stops.
  await expect.poll(() => journalFiles(dataDir), { timeout: 15_000 }).not.toEqual([]);
  const exited = new Promise((resolve) => electronApp.process().once('exit', resolve));
  await electronApp.evaluate(({ app }) => {
    app.quit();
  });
  const question = window.getByRole('dialog', { name: 'Save your changes before quitting?' });
  await question.getByRole('button', { name: "Don't save" }).click();
  await exited;
  expect(await readFile(path.join(postsDir, WRITING), 'utf8')).toBe(before);
  expect(await journalFiles(dataDir)).toEqual([]);
});

test('a window without unsaved edits closes at once', async ({ desktop }) => {
  const { electronApp, window } = desktop;
  await expect(window.getByRole('option', { name: TITLE })).toBeVisible();
  const closed = window.waitForEvent('close');
  await closeWindow(electronApp);
  await closed;
});
