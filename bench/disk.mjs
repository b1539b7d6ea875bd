/** The disk baselines and the export: reading every post, listing through the server, exporting a site. */
import { build } from 'esbuild';
import { buildId, buildIdDefine } from '../scripts/build-id.mjs';
import { NODE_ESM_BANNER } from '../scripts/node-bundle.mjs';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {{ postsDir: string, outDir: string, siteUrl: string, pool?: unknown, renderCache?: { dataDir: string } }} ExportOptions */
/** @typedef {(options: ExportOptions) => Promise<{ ok: true, value: { rendered: number, reused: number } } | { ok: false, error: { message: string } }>} ExportSite */

/**
 * Every file below `dir` (absolute paths).
 * @param {string} dir
 */
export async function filesBelow(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function mapLimit(items, limit, fn) {
  let next = 0;
  /** @type {R[]} */
  const results = new Array(items.length);
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(/** @type {T} */ (items[i]));
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Ms to walk `dir` and read every Markdown file in it, the plain way (readFile, 16 at a time): the baseline. */
/** @param {string} dir */
export async function timeReadAll(dir) {
  const t0 = performance.now();
  const files = (await filesBelow(dir)).filter((f) => f.endsWith('.md'));
  const buffers = await mapLimit(files, 16, (f) => readFile(f));
  const ms = performance.now() - t0;
  return { ms, bytes: buffers.reduce((sum, b) => sum + b.length, 0), files: files.length };
}

/**
 * Ms to walk `dir` and read every Markdown file synchronously, yielding every 128 files: how the
 * store now reads a folder (a promise per file costs more CPU than the read), shown beside the baseline.
 */
/** @param {string} dir */
export async function timeReadAllSync(dir) {
  const t0 = performance.now();
  const files = (await filesBelow(dir)).filter((f) => f.endsWith('.md'));
  let bytes = 0;
  for (let i = 0; i < files.length; i += 128) {
    for (const file of files.slice(i, i + 128)) bytes += readFileSync(file).length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ms: performance.now() - t0, bytes, files: files.length };
}

/** Ms for one listPosts call through the server at `url` (token from the URL), and the number of posts. */
/** @param {string} url */
export async function timeListPosts(url) {
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  const login = await fetch(url, { redirect: 'manual' });
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  await login.arrayBuffer();
  const t0 = performance.now();
  const response = await fetch(new URL('/api/listPosts', address), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Postwright-Token': token,
      Cookie: cookie,
      Origin: address.origin,
    },
    body: JSON.stringify({ args: [] }),
  });
  /** @type {unknown} */
  const reply = await response.json();
  const body = /** @type {{ ok: true, value: unknown[] } | { ok: false }} */ (reply);
  const ms = performance.now() - t0;
  if (!body.ok) throw new Error(`listPosts failed: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, count: body.value.length };
}

/** Bundles the site exporter from source (the same code the app runs) and imports it. */
/**
 * @param {string} root
 * @param {string} tmp
 * @returns {Promise<ExportSite>}
 */
export async function loadExporter(root, tmp) {
  // The exporter and its worker entry (pages render on every core), side by side, as the build ships them.
  const outdir = path.join(tmp, 'export');
  /** @type {import('esbuild').BuildOptions} */
  const options = {
    entryPoints: {
      'export-site': path.join(root, 'electron/node/export/site.ts'),
      'export-worker': path.join(root, 'electron/node/export/render-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir,
    outExtension: { '.js': '.mjs' },
    banner: NODE_ESM_BANNER,
    logLevel: 'error',
  };
  // A build id, as the app's build has, so the render cache is on (scripts/build-id.mjs).
  await build({ ...options, define: buildIdDefine(await buildId(root, options)) });
  // Packages inside, as the build ships them (scripts/node-bundle.mjs): it runs from where it was written.
  const site = path.join(outdir, 'export-site.mjs');
  /** @type {unknown} */
  const loaded = await import(pathToFileURL(site).href);
  const module = /** @type {{ exportSite: ExportSite, defaultPool: (script: string) => unknown }} */ (loaded);
  const pool = module.defaultPool(site);
  return (options) => module.exportSite({ ...options, pool });
}

/**
 * The floor under a first export: ms to render the Markdown of every post in `postsDir` to HTML in
 * this thread (shared/markdown/render.ts, the pipeline the preview and the export share), nothing
 * read or written while timed. Each post is rendered once before, so this is warm code.
 * @param {string} root
 * @param {string} postsDir
 * @returns {Promise<() => number>} one timed pass
 */
export async function markdownPass(root, postsDir) {
  const outfile = path.join(root, 'node_modules', '.postwright-bench-export', 'markdown.mjs');
  await build({
    entryPoints: [path.join(root, 'shared/markdown/render.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    // Packages inside, as the exporter above and the app's build have them (scripts/node-bundle.mjs).
    banner: NODE_ESM_BANNER,
    logLevel: 'error',
  });
  /** @type {unknown} */
  const loaded = await import(pathToFileURL(outfile).href);
  const { renderMarkdown } = /** @type {{ renderMarkdown: (markdown: string) => { html: string } }} */ (loaded);
  const files = (await filesBelow(postsDir)).filter((f) => f.endsWith('.md'));
  // The body after the front matter's closing fence (the generated posts all have one).
  const bodies = await Promise.all(
    files.map(async (f) => {
      const text = await readFile(f, 'utf8');
      const end = text.indexOf('\n---\n', 3);
      return end === -1 ? text : text.slice(end + 5);
    }),
  );
  const pass = () => {
    const t0 = performance.now();
    let bytes = 0;
    for (const body of bodies) bytes += renderMarkdown(body).html.length;
    if (bytes === 0) throw new Error('the Markdown rendered to nothing');
    return performance.now() - t0;
  };
  pass();
  return pass;
}

/** Ms to export `postsDir` as a site into `outDir`, and the bytes and files written. */
/**
 * @param {ExportSite} exportSite
 * @param {string} postsDir
 * @param {string} outDir
 * @param {string} [dataDir] the data folder of the render cache (none: no cache)
 * @param {boolean} [over] export over the site already in `outDir` (else it is removed first, untimed)
 */
export async function timeExport(exportSite, postsDir, outDir, dataDir, over = false) {
  // A re-export goes over the site the last one wrote, as the app's does (it checks and replaces it).
  if (!over) await rm(outDir, { recursive: true, force: true });
  const t0 = performance.now();
  const renderCache = dataDir === undefined ? {} : { renderCache: { dataDir } };
  const result = await exportSite({ postsDir, outDir, siteUrl: 'https://example.com/blog/', ...renderCache });
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`export failed: ${result.error.message}`);
  const files = await filesBelow(outDir);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  return { ms, bytes: sizes.reduce((a, b) => a + b, 0), files: files.length, reused: result.value.reused };
}

/** The export's baseline: read every post in `postsDir`, write `bytes` bytes as `files` files into `outDir`. */
/**
 * @param {string} postsDir
 * @param {string} outDir
 * @param {number} bytes
 * @param {number} files
 */
export async function timeReadWrite(postsDir, outDir, bytes, files) {
  await rm(outDir, { recursive: true, force: true });
  const t0 = performance.now();
  await timeReadAll(postsDir);
  await mkdir(outDir, { recursive: true });
  const each = Math.ceil(bytes / files);
  const chunk = Buffer.alloc(each, 'x');
  await mapLimit(
    Array.from({ length: files }, (_, i) => i),
    16,
    (i) => writeFile(path.join(outDir, `f${i}.html`), chunk),
  );
  return performance.now() - t0;
}

/**
 * The export's disk work alone, in its own shape: read every post in `postsDir`, then write a file
 * of the same size at each path `siteDir` holds (a folder per page), into `outDir`, 16 at a time.
 * Beside the flat baseline, it shows what the site's folders cost this disk.
 * @param {string} postsDir
 * @param {string} siteDir
 * @param {string} outDir
 */
export async function timeReadWriteSite(postsDir, siteDir, outDir) {
  const shape = await Promise.all(
    (await filesBelow(siteDir)).map(async (file) => ({
      rel: path.relative(siteDir, file),
      size: (await stat(file)).size,
    })),
  );
  await rm(outDir, { recursive: true, force: true });
  const t0 = performance.now();
  await timeReadAll(postsDir);
  await mkdir(outDir, { recursive: true });
  await mapLimit(shape, 16, async ({ rel, size }) => {
    const file = path.join(outDir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.alloc(size, 'x'));
  });
  return performance.now() - t0;
}
