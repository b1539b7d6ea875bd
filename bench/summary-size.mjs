/**
 * How big the post list is on the wire: `node bench/summary-size.mjs` writes two folders of 10,000
 * posts (the benchmark's generated posts, and the real corpus posts copied round-robin so every
 * generator's front matter is there) and prints the JSON size of `listPosts` for each.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFolder } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = 10_000;

/** @typedef {{ fields?: Record<string, unknown> }} Summary */

/**
 * @param {string} tmp
 * @returns {Promise<(root: string, maxFileBytes: number) => Promise<Summary[]>>}
 */
async function loadListPosts(tmp) {
  const outfile = path.join(tmp, 'list.mjs');
  await build({
    entryPoints: [path.join(root, 'electron/node/store/list.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  // Bare imports resolve from the project's node_modules.
  const inProject = path.join(root, 'node_modules', '.postwright-bench-summary-size.mjs');
  await writeFile(inProject, await readFile(outfile));
  /** @type {unknown} */
  const loaded = await import(pathToFileURL(inProject).href);
  const module = /** @type {{ listPosts: (root: string, maxFileBytes: number) => Promise<Summary[]> }} */ (loaded);
  return module.listPosts;
}

/** @param {string} dir */
async function corpusFolder(dir) {
  const source = path.join(root, '..', 'shared', 'corpus', 'real-posts');
  /** @type {Buffer[]} */
  const texts = [];
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(source, entry.name);
    for (const name of await readdir(folder))
      if (name.endsWith('.md')) texts.push(await readFile(path.join(folder, name)));
  }
  await mkdir(dir, { recursive: true });
  for (let start = 0; start < COUNT; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(COUNT, start + 500); i++) {
      batch.push(writeFile(path.join(dir, `post-${String(i).padStart(5, '0')}.md`), texts[i % texts.length] ?? ''));
    }
    await Promise.all(batch);
  }
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-summary-size-'));
try {
  const listPosts = await loadListPosts(tmp);
  const folders = { generated: path.join(tmp, 'generated'), corpus: path.join(tmp, 'corpus') };
  await writeFolder(folders.generated, COUNT, 3000);
  await corpusFolder(folders.corpus);
  for (const [name, dir] of Object.entries(folders)) {
    const posts = await listPosts(dir, 10 * 1024 * 1024);
    const json = JSON.stringify(posts);
    const fields = JSON.stringify(posts.map((post) => post.fields ?? {}));
    console.log(
      `${name}: ${posts.length} posts, listPosts JSON ${(json.length / 1024).toFixed(0)} KB` +
        ` (${(json.length / posts.length).toFixed(0)} B/post; fields maps ${(fields.length / 1024).toFixed(0)} KB)`,
    );
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
  await rm(path.join(root, 'node_modules', '.postwright-bench-summary-size.mjs'), { force: true });
}
