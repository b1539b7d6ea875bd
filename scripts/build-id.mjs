// The build id of a Node bundle: the app's version and a hash of every source file the bundle
// takes in and of the installed packages (package-lock.json), so it changes whenever the code
// that renders Markdown can. The export's render cache (electron/node/export/render-cache.ts)
// keys its entries by it: a new build never reuses an old build's pages.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bundles `options` in memory once to learn its input files, and hashes them in a stable order.
 * @param {string} root the project folder (package.json and package-lock.json)
 * @param {import('esbuild').BuildOptions} options the bundle's own options
 * @returns {Promise<string>}
 */
export async function buildId(root, options) {
  const { metafile } = await esbuild.build({
    ...options,
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  const base = options.absWorkingDir ?? process.cwd();
  const hash = createHash('sha256');
  for (const input of Object.keys(metafile.inputs).sort()) {
    hash.update(`${input}\0`);
    // Inputs outside the file system (esbuild's own namespaces) are named, not read.
    hash.update(await readFile(path.resolve(base, input)).catch(() => Buffer.from('virtual')));
  }
  const lock = await readFile(path.join(root, 'package-lock.json')).catch(() => Buffer.from('no lock file'));
  hash.update(lock);
  /** @type {unknown} */
  const parsed = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const pkg = /** @type {{ version?: unknown }} */ (parsed);
  return `${String(pkg.version)}+${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The esbuild `define` that gives a bundle its build id (none in watch mode: sources change under it).
 * @param {string | null} id
 * @returns {Record<string, string>}
 */
export function buildIdDefine(id) {
  return id === null ? {} : { POSTWRIGHT_BUILD_ID: JSON.stringify(id) };
}
