/** Starting and stopping the browser-mode server the benchmark measures. */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';

/**
 * Starts `dist/node/web.mjs` on `postsDir` with a data folder of its own under `dataRoot` (no journal
 * of unsaved edits from an earlier page, so no restore prompt, and nothing written into the user's
 * state folder), or `dataDir` when given (a second start that finds the index file of the first).
 * Resolves with its URL, its data folder and a stop function.
 * @param {string} dist
 * @param {string} postsDir
 * @param {{ dataRoot?: string, dataDir?: string }} [where]
 * @returns {Promise<{ url: string, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startServer(dist, postsDir, { dataRoot, dataDir } = {}) {
  const data = dataDir ?? (await mkdtemp(path.join(dataRoot ?? path.dirname(postsDir), 'data-')));
  const child = spawn(
    process.execPath,
    [path.join(dist, 'node/web.mjs'), '--posts', postsDir, '--port', '0', '--data', data],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { url, dataDir: data, stop };
}
