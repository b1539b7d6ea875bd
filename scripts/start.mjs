// `npm start`: open the desktop app (it opens the last folder, or posts/ on first run). Electron
// 45 fetches its binary on first use; where that cannot happen, say so in one line and offer
// browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Asks Electron's own loader for its binary, which downloads it on first use where it can. */
function fetchElectron() {
  const found = findElectronBinary(root);
  if (found.ok) return found;
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@@' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const marker = probe.stdout?.lastIndexOf('\n@@') ?? -1;
  if (probe.status === 0 && marker >= 0) return findElectronBinary(root);
  return found;
}

const electron = fetchElectron();
if (electron.ok) {
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    `Postwright: no Electron binary here (${electron.reason}); get one with "npx install-electron" on a machine that can download it, or use browser mode: npm run web`,
  );
  if (process.stdin.isTTY && process.stdout.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = (await rl.question('Open Postwright in your browser instead? [Y/n] ')).trim().toLowerCase();
    rl.close();
    if (answer === '' || answer === 'y' || answer === 'yes') {
      const web = spawn(process.execPath, ['dist/node/web.mjs', ...process.argv.slice(2)], {
        cwd: root,
        stdio: 'inherit',
      });
      web.on('exit', (code) => process.exit(code ?? 0));
    } else process.exit(1);
  } else process.exit(1);
}
