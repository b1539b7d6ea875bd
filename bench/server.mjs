/* eslint-disable @typescript-eslint/ban-ts-comment -- see the next line */
// @ts-nocheck -- untyped benchmark JavaScript (much of it runs in the page through page.evaluate); TODO: TypeScript.
/** Starting and stopping the browser-mode server the benchmark measures. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-plus-operands -- plain JavaScript run by Node (and, in page.evaluate, by the page): untyped by design */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Starts `dist/node/web.mjs` on `postsDir` (extra args appended); resolves with its URL and a stop function. */
export async function startServer(dist, postsDir, extra = []) {
  const child = spawn(
    process.execPath,
    [path.join(dist, 'node/web.mjs'), '--posts', postsDir, '--port', '0', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
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
  return { url, stop };
}
