/**
 * A Chrome trace of the typing figure's first run (typed the instant a post opens, while its first
 * preview renders), the way bench/run.mjs measures it: the same browser flags, init script, posts,
 * fresh pages (the post opened on three, typed into on the last) and keys (24, then as many in a
 * bare textarea). Each key's window (keydown timestamp to the first task after its paint) is written
 * into the trace as a user-timing measure `key <n> app|bare`, and the machine's CPU is sampled from
 * /proc beside it (`<out>.cpu.json`), so bench/trace-keys.mjs can tell what ran in each key's window.
 *   PW_DIST=dist/x node bench/trace-first-run.mjs [--size=10 KB|100 KB] [--out=trace.json] [--profile] [--no-trace]
 * --profile adds V8's sampling profiler (names the JavaScript; costs CPU of its own); --no-trace only
 * prints the keys' latencies (for interleaved A/B pairs of the first run alone).
 */
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPage, measureTyping, openPost } from './browser.mjs';
import { writeLongPosts } from './generate.mjs';
import { CHROMIUM_ARGS, INIT_SCRIPT } from './page-helpers.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.resolve(root, process.env.PW_DIST ?? 'dist');
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const label = arg('size', '100 KB');
const out = path.resolve(arg('out', 'trace-first-run.json'));
const noTrace = process.argv.includes('--no-trace');
const minLength = { '10 KB': 9_000, '100 KB': 90_000 }[label] ?? 90_000;

/** Marks each measured key's window in the trace (the same window INIT_SCRIPT measures). */
const MARK_KEYS = `
(() => {
  let n = 0;
  document.addEventListener('keydown', (event) => {
    const bench = window.__bench;
    if (bench === undefined || !bench.recording) return;
    const t0 = event.timeStamp;
    const name = 'key ' + (n++) + (event.target instanceof HTMLElement && event.target.id === 'bench-bare' ? ' bare' : ' app');
    bench.afterPaint().then((t) => performance.measure(name, { start: t0, end: t }));
  }, true);
})();
`;

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'input',
  'latencyInfo',
  ...(process.argv.includes('--profile') ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

/**
 * Samples the machine's CPU every 10 ms while the keys are typed: all of it (/proc/stat) and this
 * process tree's (the bench, its server, Chromium), in jiffies, stamped on the trace's clock
 * (CLOCK_MONOTONIC, µs), so the analysis can tell what other programs took from the two cores.
 */
function sampleCpu() {
  const tick = () => {
    const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
    const busy = all.reduce((a, b) => a + b, 0) - (all[3] ?? 0) - (all[4] ?? 0);
    /** @type {Map<number, number>} */ const parent = new Map();
    /** @type {Map<number, number>} */ const used = new Map();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = readFileSync(`/proc/${d}/stat`, 'utf8');
        const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(d), Number(rest[1]));
        used.set(Number(d), Number(rest[11]) + Number(rest[12]));
      } catch {
        // The process ended while the list was read.
      }
    }
    let ours = 0;
    for (const [p, u] of used) {
      let q = p;
      while (q > 1 && q !== process.pid) q = parent.get(q) ?? 0;
      if (q === process.pid) ours += u;
    }
    samples.push([Number(process.hrtime.bigint() / 1000n), busy, ours]);
  };
  /** @type {number[][]} */ const samples = [];
  const id = setInterval(tick, 10);
  return () => (clearInterval(id), samples);
}

const tmp = await mkdtemp(path.join(tmpdir(), 'postwright-trace-'));
await symlink(path.join(root, 'node_modules'), path.join(dist, 'node_modules'), 'dir').catch(() => {});
const dir = path.join(tmp, 'long');
const titles = await writeLongPosts(dir);
const server = await startServer(dist, dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT_SCRIPT);
  await context.addInitScript(MARK_KEYS);
  // As the bench does: the post is opened on fresh pages (three in a full run), typed into on the last.
  let page = null;
  for (let i = 0; i < 3; i++) {
    await page?.close({ runBeforeUnload: false });
    page = await freshPage(context, server.url);
    if (i === 2 && !noTrace) await browser.startTracing(page, { path: out, categories: CATEGORIES });
    await openPost(page, titles[label] ?? '', minLength);
  }
  if (page === null) throw new Error('no page');
  const stopSampling = noTrace ? () => [] : sampleCpu();
  const typing = await measureTyping(page, { runs: 1, keys: 24 });
  if (!noTrace) {
    writeFileSync(`${out}.cpu.json`, JSON.stringify(stopSampling()));
    await browser.stopTracing();
  }
  const r = (/** @type {number[]} */ xs) => xs.map((x) => Math.round(x)).join(' ');
  console.log(
    `app:  ${r(typing.app)}\nbare: ${r(typing.bare)}\nfirst catch-up ${Math.round(typing.firstCatchUp)} ms\n${out}`,
  );
} finally {
  await browser.close();
  await server.stop();
  await rm(tmp, { recursive: true, force: true });
}
