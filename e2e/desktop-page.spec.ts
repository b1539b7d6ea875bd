/**
 * The page's side of the desktop features, in Chromium over browser mode with a stand-in for the
 * preload's `window.desktop` (the main process cannot run here): close requests are answered
 * (at once when nothing is unsaved, otherwise after Save / Don't save / Cancel), a failed save keeps
 * the window, and the site export names its folder by the token the picker returned, never a path.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { CloseRequest } from '../shared/api/desktop';
import { journal } from './backend';
import { test as base, expect } from './fixtures';

const WRITING = 'writing-in-plain-text.md';
const TITLE = 'Writing in Plain Text';
const TOKEN = 'chosen-folder:stand-in';

/** What the stand-in recorded: each desktop call with its arguments. */
type Calls = unknown[][];

interface StandInWindow {
  __desktop: { calls: Calls; request: (request: CloseRequest) => void };
}

/** Installed before the app's scripts run, like the preload. */
const STAND_IN = (token: string) => {
  const calls: unknown[][] = [];
  let listener: ((request: unknown) => void) | null = null;
  const done = (value: unknown) => Promise.resolve({ ok: true, value });
  const w = window as unknown as Record<string, unknown>;
  w.__desktop = { calls, request: (request: unknown) => listener?.(request) };
  w.desktop = {
    // The author cancels the folder picker.
    openFolder: () => (calls.push(['openFolder']), done(null)),
    openExternal: () => done(null),
    exportPostToFile: () => done(null),
    chooseFolder: () => (calls.push(['chooseFolder']), done({ token, label: '/home/author/site' })),
    answerClose: (request: number, answer: string) => (calls.push(['answerClose', request, answer]), done(null)),
    setEdited: (edited: boolean) => (calls.push(['setEdited', edited]), done(null)),
    onCloseRequested: (fn: (request: unknown) => void) => {
      listener = fn;
      return () => {
        listener = null;
      };
    },
  };
};

const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(STAND_IN, TOKEN);
    await use(page);
  },
});

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    'The stand-in bridge is for browser mode; desktop-close.spec.ts drives the real one.',
  );
});

function calls(app: Page): Promise<Calls> {
  return app.evaluate(() => (window as unknown as StandInWindow).__desktop.calls);
}

function requestClose(app: Page, request: CloseRequest): Promise<void> {
  return app.evaluate((r) => (window as unknown as StandInWindow).__desktop.request(r), request);
}

async function typeInWriting(app: Page, text: string): Promise<void> {
  await app.getByRole('option', { name: TITLE }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(markdown).toHaveValue(/Every few years/);
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await app.keyboard.insertText(text);
  await expect(app.getByRole('status')).toContainText(/unsaved/i);
}

test('with nothing unsaved a close request is answered at once, without a question', async ({ app }) => {
  await expect(app.getByRole('option', { name: TITLE })).toBeVisible();
  await requestClose(app, { request: 1, reason: 'close' });
  await expect.poll(() => calls(app)).toContainEqual(['answerClose', 1, 'close']);
  await expect(app.getByRole('dialog')).toHaveCount(0);
});

test('with unsaved edits: Cancel stays, Save writes the post and then lets the window close', async ({
  app,
  postsDir,
}) => {
  await typeInWriting(app, '\nKept by Save.\n');
  await expect.poll(() => calls(app)).toContainEqual(['setEdited', true]);
  await requestClose(app, { request: 1, reason: 'close' });
  const question = app.getByRole('dialog', { name: 'Save your changes before closing?' });
  await expect(question).toBeVisible();
  expect(await calls(app)).toContainEqual(['answerClose', 1, 'asking']);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => calls(app)).toContainEqual(['answerClose', 1, 'stay']);
  await expect(question).toBeHidden();

  await requestClose(app, { request: 2, reason: 'quit' });
  const quitting = app.getByRole('dialog', { name: 'Save your changes before quitting?' });
  await quitting.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => calls(app)).toContainEqual(['answerClose', 2, 'close']);
  expect(await readFile(path.join(postsDir, WRITING), 'utf8')).toContain('Kept by Save.');
  await expect.poll(() => calls(app)).toContainEqual(['setEdited', false]);
});

test('a save that fails keeps the window open with the reason on screen', async ({ app, postsDir }) => {
  await typeInWriting(app, '\nMine.\n');
  const file = path.join(postsDir, WRITING);
  // Another program changes the post: saving over it now needs the author's word.
  await writeFile(file, (await readFile(file, 'utf8')).replace('Every few years', 'Every other year'));
  await requestClose(app, { request: 3, reason: 'close' });
  await app
    .getByRole('dialog', { name: 'Save your changes before closing?' })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
  await expect.poll(() => calls(app)).toContainEqual(['answerClose', 3, 'stay']);
  expect(await calls(app)).not.toContainEqual(['answerClose', 3, 'close']);
  await expect(app.getByText(/changed on disk/i).first()).toBeVisible();
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/Mine\./);
});

test('Export site asks for the folder with Choose folder… and sends its token, never a path', async ({ app }) => {
  await app.getByRole('button', { name: 'Export site' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export site' });
  await expect(dialog.getByRole('textbox', { name: 'Output folder' })).toHaveCount(0);
  const folder = dialog.getByRole('group', { name: 'Output folder' });
  await expect(folder).toContainText('No folder chosen yet');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toHaveAccessibleDescription(
    'Choose the folder to write the site to first.',
  );
  await folder.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(folder).toContainText('/home/author/site');
  const sent = app.waitForRequest('**/api/exportSite');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const body = (await sent).postDataJSON() as { args: [{ outDir: string }] };
  expect(body.args[0].outDir).toBe(TOKEN);
});

/** A menu command the test sends through the page's event stream, which is held until then. */
interface Menu {
  send: (command: string) => void;
  sent: Promise<string>;
}

const menuTest = test.extend<{ menu: Menu }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
  menu: async ({}, use) => {
    let send: (command: string) => void = () => undefined;
    const sent = new Promise<string>((resolve) => (send = resolve));
    await use({ send, sent });
  },
  page: async ({ page, menu }, use) => {
    let first = true;
    await page.route('**/api/events', async (route) => {
      if (!first) return route.abort();
      first = false;
      const body = `event: menuCommand\ndata: ${JSON.stringify({ command: await menu.sent })}\n\n`;
      await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body });
    });
    await use(page);
  },
});

menuTest(
  '"Open Folder…", "Don\'t save", then cancelling the picker: the edits still on screen are journalled again',
  async ({ app, menu }) => {
    await typeInWriting(app, '\nStill mine after the picker was cancelled.');
    await expect
      .poll(() => journal(app))
      .toEqual([{ id: WRITING, body: expect.stringContaining('picker was cancelled') }]);
    menu.send('openFolder');
    const question = app.getByRole('dialog', { name: 'Save your changes?' });
    await question.getByRole('button', { name: "Don't save" }).click();
    await expect.poll(() => calls(app)).toContainEqual(['openFolder']);
    // The picker was cancelled: the post stays open with its edits, and a crash now must not lose them.
    await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/picker was cancelled/);
    await expect(app.getByRole('status')).toContainText(/unsaved/i);
    await expect
      .poll(() => journal(app))
      .toEqual([{ id: WRITING, body: expect.stringContaining('picker was cancelled') }]);
  },
);

menuTest(
  'Edit › Undo from the menu takes back the editor’s last typing, from its own history, wherever the focus is',
  async ({ app, menu }) => {
    await typeInWriting(app, '\nKept.');
    const markdown = app.getByLabel('Markdown', { exact: true });
    await markdown.pressSequentially(' Taken back.');
    // The browser's own history is emptied by a script's write, as a pasted image's link makes one.
    await markdown.evaluate((area: HTMLTextAreaElement) => {
      area.setRangeText('', area.value.length, area.value.length);
    });
    // Chosen with the focus outside any field (the author last clicked the preview): still the editor's.
    await app.getByRole('region', { name: 'Preview' }).click();
    await expect(markdown).not.toBeFocused();
    menu.send('undo');
    await expect(markdown).toHaveValue(/\nKept\.$/);
  },
);

menuTest('Edit › Redo from the menu, in a front-matter field, is the field’s own', async ({ app, menu }) => {
  await app.getByRole('option', { name: TITLE }).click();
  const title = app.getByLabel('title', { exact: true });
  await expect(title).toHaveValue(TITLE);
  await title.click();
  await title.press('End');
  await app.keyboard.insertText(', Again');
  await expect(title).toHaveValue(`${TITLE}, Again`);
  await title.press('ControlOrMeta+z');
  await expect(title).toHaveValue(TITLE);
  menu.send('redo');
  await expect(title).toHaveValue(`${TITLE}, Again`);
});

menuTest('File › Delete Post… asks about the open post, as its button does', async ({ app, menu }) => {
  await typeInWriting(app, '\nNot saved yet.');
  menu.send('deletePost');
  const dialog = app.getByRole('dialog', { name: /^Delete “.+”\?$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${WRITING} goes to the trash`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/Not saved yet\./);
});
