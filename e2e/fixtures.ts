/**
 * The app under test, in either mode: browser mode (the real server in dist/node/web.mjs on a
 * temporary copy of posts/, driven in Chromium) or Electron (`_electron`, when a binary exists).
 */
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

interface AppFixtures {
  /** A temporary copy of the sample posts, or of `postsSource`. */
  postsDir: string;
  /** Which folder to copy into `postsDir` (default: the project's posts/). */
  postsSource: string;
  /** The app's page, opened on `postsDir`. */
  app: Page;
}

/** Starts the browser-mode server and resolves with its URL and process. */
export async function startWebServer(postsDir: string): Promise<{ url: string; child: ChildProcess }> {
  // Each run keeps its journal of unsaved edits beside its posts, never in the author's data folder.
  const dataDir = `${postsDir}-data`;
  const web = path.resolve(projectRoot, process.env.PW_DIST ?? 'dist', 'node/web.mjs');
  const child = spawn(process.execPath, [web, '--posts', postsDir, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`web server did not print its URL: ${output}`)), 45_000).unref();
  });
  return { url, child };
}

/** Stops a child process and waits for it. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => {
    console.log('[e2e] the web server did not stop within 5 s of SIGINT; killing it');
    child.kill('SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** The fixtures every spec uses; the mode comes from the project's metadata. */
export const test = base.extend<AppFixtures>({
  postsSource: [path.join(projectRoot, 'posts'), { option: true }],
  postsDir: async ({ postsSource }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'postwright-e2e-'));
    await cp(postsSource, dir, { recursive: true });
    await use(dir);
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}-data`, { recursive: true, force: true });
  },
  app: async ({ page, postsDir }, use, testInfo) => {
    if (testInfo.project.metadata.mode === 'electron') {
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
      const window = await electronApp.firstWindow();
      await use(window);
      await electronApp.close();
      return;
    }
    const server = await startWebServer(postsDir);
    await page.goto(server.url);
    await use(page);
    await stop(server.child);
  },
});

export { expect };
