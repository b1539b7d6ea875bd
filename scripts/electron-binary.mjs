// Finds the Electron binary without side effects (no download): used by `npm start` and by the
// end-to-end specs, which must say clearly why they skip when there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The path of an installed Electron executable, or a reason why there is none.
 * @param {string} projectRoot
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function findElectronBinary(projectRoot) {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(candidate)
      ? { ok: true, path: candidate }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no electron binary (${candidate})` };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      ok: false,
      reason:
        'the electron package has not downloaded its binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD or offline)',
    };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary is missing at ${binary}` };
}
