/* eslint-disable @typescript-eslint/ban-ts-comment -- see the next line */
// @ts-nocheck -- untyped benchmark JavaScript (much of it runs in the page through page.evaluate); TODO: TypeScript.
/** The disk baselines and the export: reading every post, listing through the server, exporting a site. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-plus-operands -- plain JavaScript run by Node (and, in page.evaluate, by the page): untyped by design */
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every file below `dir` (absolute paths). */
export async function filesBelow(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function mapLimit(items, limit, fn) {
  let next = 0;
  const results = new Array(items.length);
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Ms to walk `dir` and read every Markdown file in it (16 at a time, as the store does): the baseline. */
export async function timeReadAll(dir) {
  const t0 = performance.now();
  const files = (await filesBelow(dir)).filter((f) => f.endsWith('.md'));
  const buffers = await mapLimit(files, 16, (f) => readFile(f));
  const ms = performance.now() - t0;
  return { ms, bytes: buffers.reduce((sum, b) => sum + b.length, 0), files: files.length };
}

/** Ms for one listPosts call through the server at `url` (token from the URL), and the number of posts. */
export async function timeListPosts(url) {
  const address = new URL(url);
  const token = address.searchParams.get('token');
  const login = await fetch(url, { redirect: 'manual' });
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0];
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
  const body = await response.json();
  const ms = performance.now() - t0;
  if (!body.ok) throw new Error(`listPosts failed: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, count: body.value.length };
}

/** Bundles the site exporter from source (the same code the app runs) and imports it. */
export async function loadExporter(root, tmp) {
  const outfile = path.join(tmp, 'export-site.mjs');
  await build({
    entryPoints: [path.join(root, 'electron/node/export/site.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  // packages: 'external' leaves bare imports that must resolve from the project's node_modules.
  const inProject = path.join(root, 'node_modules', '.postwright-bench-export.mjs');
  await writeFile(inProject, await readFile(outfile));
  return (await import(pathToFileURL(inProject).href)).exportSite;
}

/** Ms to export `postsDir` as a site into `outDir`, and the bytes and files written. */
export async function timeExport(exportSite, postsDir, outDir) {
  await rm(outDir, { recursive: true, force: true });
  const t0 = performance.now();
  const result = await exportSite({ postsDir, outDir, siteUrl: 'https://example.com/blog/' });
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`export failed: ${result.error.message}`);
  const files = await filesBelow(outDir);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  return { ms, bytes: sizes.reduce((a, b) => a + b, 0), files: files.length };
}

/** The export's baseline: read every post in `postsDir`, write `bytes` bytes as `files` files into `outDir`. */
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
