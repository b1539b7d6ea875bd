// Builds what the app needs: the renderer (Vite), the Node entry points of browser mode and the
// export CLI, and Electron's main process and preload (esbuild). Flags pick parts:
// --renderer, --node, --electron (none given: all). --watch rebuilds on change (npm run dev).
import { build as viteBuild } from 'vite';
import * as esbuild from 'esbuild';
import { buildId, buildIdDefine } from './build-id.mjs';
import { NODE_ESM_BANNER } from './node-bundle.mjs';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const flags = new Set(process.argv.slice(2));
const all = !flags.has('--renderer') && !flags.has('--node') && !flags.has('--electron');
const watch = flags.has('--watch');
// PW_DIST lets several checkouts of work build side by side (default: dist/).
const dist = process.env.PW_DIST ?? 'dist';

/**
 * esbuild options shared by every Node-side bundle.
 * @type {import('esbuild').BuildOptions}
 */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * Runs one esbuild bundle, once or in watch mode.
 * @param {import('esbuild').BuildOptions} options
 */
async function bundle(options) {
  // The build id keys the export's render cache; watch mode has none, so nothing is cached there.
  if (!watch) {
    const define = buildIdDefine(await buildId(root, { ...common, ...options }));
    return esbuild.build({ ...common, ...options, define });
  }
  const context = await esbuild.context({ ...common, ...options });
  await context.watch();
  return context;
}

const started = performance.now();
const jobs = [];
if (all || flags.has('--node')) {
  // Chunks are named by their content: the last build's would pile up (and be packaged) beside the new ones.
  rmSync(`${dist}/node`, { recursive: true, force: true });
  // Browser mode and the CLI carry their packages inside (scripts/node-bundle.mjs says why).
  jobs.push(
    bundle({
      // export-worker renders site pages on the other cores (electron/node/export/pool.ts looks beside the entry).
      entryPoints: {
        web: 'electron/node/web.ts',
        'cli-export': 'electron/node/cli-export.ts',
        'export-worker': 'electron/node/export/render-worker.ts',
      },
      outdir: `${dist}/node`,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      banner: NODE_ESM_BANNER,
      // What is imported only when needed (the export's Markdown pipeline) goes into chunks of its
      // own, so the server starts without loading it.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    }),
  );
}
if (all || flags.has('--electron')) {
  // Electron's main is one CommonJS file with its dependencies inside (they land in the asar).
  jobs.push(
    bundle({
      entryPoints: { main: 'electron/main/index.ts' },
      outdir: `${dist}/electron`,
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      external: ['electron'],
    }),
  );
  // A sandboxed preload must be a single CommonJS file that requires nothing but electron.
  jobs.push(
    bundle({
      entryPoints: { preload: 'electron/preload/index.ts' },
      outdir: `${dist}/electron`,
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      external: ['electron'],
      platform: 'browser',
    }),
  );
}
if (all || flags.has('--renderer')) {
  jobs.push(
    viteBuild({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: path.resolve(root, dist, 'renderer'), ...(watch ? { watch: {} } : {}) },
    }),
  );
}
await Promise.all(jobs);
if (!watch) console.log(`Built in ${Math.round(performance.now() - started)} ms.`);
