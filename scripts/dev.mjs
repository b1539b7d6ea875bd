// `npm run dev`: rebuild the renderer and the Node side on every change and restart the
// browser-mode server on the posts folder (reload the page to see a change).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawn(process.execPath, ['scripts/build.mjs', '--renderer', '--node'], { cwd: root, stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const watcher = spawn(process.execPath, ['scripts/build.mjs', '--renderer', '--node', '--watch'], {
    cwd: root,
    stdio: 'inherit',
  });
  const server = spawn(process.execPath, ['--watch-path=dist/node', 'dist/node/web.mjs', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  const stop = () => {
    watcher.kill('SIGTERM');
    server.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (serverCode) => {
    watcher.kill('SIGTERM');
    process.exit(serverCode ?? 0);
  });
});
