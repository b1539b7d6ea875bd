/**
 * `npm run bench`: generates posts and folders in a temporary folder, measures Postwright against
 * baselines taken in the same run, and prints one table (see bench/README.md for the method).
 *   node bench/run.mjs [--quick]     (--quick: fewer repetitions, for trying a change)
 */
import { chromium } from '@playwright/test';
import { appendFile, cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freshPage,
  measureFilter,
  measureBareSearch,
  measureFolderOpen,
  measureMemory,
  measureStartup,
  measureElectronStartup,
  measureTyping,
  openPost,
  bareTextareaOpen,
  previewIdle,
} from './browser.mjs';
import {
  loadExporter,
  markdownPass,
  timeExport,
  timeListPosts,
  timeReadAll,
  timeReadAllSync,
  timeReadWrite,
  timeReadWriteSite,
} from './disk.mjs';
import { writeFolder, writeLongPosts } from './generate.mjs';
import { CHROMIUM_ARGS, INIT_SCRIPT } from './page-helpers.mjs';
import { printTable, row } from './stats.mjs';
import { startServer } from './server.mjs';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.resolve(root, process.env.PW_DIST ?? 'dist');
const quick = process.argv.includes('--quick');
/**
 * Lines printed under the table: what was not measured, and why.
 * @type {string[]}
 */
const notes = [];
const reps = quick ? 2 : 3;
const FRAME_MS = 1000 / 60;
/** What the filter figure types, then erases. */
const FILTER_QUERY = 'number 12';

/**
 * Frames in a lag between two frames' ends: two promises settled by the end of one frame settle well
 * within a few ms of each other (0.1 ms here); the next frame ends a frame's time or more later.
 * @param {number} ms
 */
function framesOf(ms) {
  return ms < 4 ? 0 : Math.max(1, Math.round(ms / FRAME_MS));
}
/** Rounds that type and erase it watching for each key's answer (16 keys each change the query). */
const ANSWER_ROUNDS = 2;
/** Rounds of typing and erasing FILTER_QUERY (app, then the bare field): 54 keys for each p95. */
const FILTER_ROUNDS = 3;

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./stats.mjs').Row} Row */

/** @param {string} line */
function log(line) {
  process.stderr.write(`[bench] ${line}\n`);
}

/**
 * The last value of a sample, rounded, for the progress log.
 * @param {readonly number[]} values
 */
function lastMs(values) {
  return Math.round(values.at(-1) ?? NaN);
}

/**
 * @param {BrowserContext} context
 * @param {string} tmp
 * @param {Row[]} rows
 */
async function typingFigures(context, tmp, rows) {
  const dir = path.join(tmp, 'long');
  const titles = await writeLongPosts(dir);
  const plan = [
    { label: '10 KB', min: 9_000, opens: reps, runs: reps + 1, keys: 24, ratio: 1.5, catchUp: 150 },
    { label: '100 KB', min: 90_000, opens: reps, runs: reps + 1, keys: 24, ratio: 1.5, catchUp: 150 },
    // `first`: a screenful of the post, shown and editable (a long post's opening goes in first).
    { label: '1 MB', min: 900_000, first: 4_000, opens: reps, runs: quick ? 2 : 3, keys: 16, ratio: 3, catchUp: 1000 },
  ];
  for (const size of plan) {
    // A server of its own per size: the unsaved text typed into the last size must not greet this one.
    const server = await startServer(dist, dir);
    try {
      /** @type {number[]} */
      const opens = [];
      /** @type {number[]} */
      const wholeOpens = [];
      /** @type {Page | null} */
      let page = null;
      for (let i = 0; i < size.opens; i++) {
        await page?.close({ runBeforeUnload: false });
        page = await freshPage(context, server.url);
        const opened = await openPost(page, titles[size.label] ?? '', size.min, size.first);
        opens.push(opened.first);
        wholeOpens.push(opened.whole);
      }
      if (page === null) throw new Error('no page was opened');
      log(
        `${size.label}: opened in ${opens.map((ms) => Math.round(ms)).join(', ')} ms, ` +
          `the whole text in ${wholeOpens.map((ms) => Math.round(ms)).join(', ')} ms; typing…`,
      );
      const typing = await measureTyping(page, { runs: size.runs, keys: size.keys });
      // The floor under opening: measured once the app's page is idle, so the bare textarea does not
      // share the cores with the app's preview rendering the post it just opened.
      /** @type {number[]} */
      const bareOpens = [];
      if (size.label === '1 MB') {
        await previewIdle(page);
        for (let i = 0; i < size.opens; i++) bareOpens.push(await bareTextareaOpen(context, page));
      }
      await page.close({ runBeforeUnload: false });
      rows.push(
        row(`Keystroke to paint, ${size.label} (vs bare textarea)`, typing.app, typing.bare, { ratio: size.ratio }),
      );
      rows.push(row(`Preview caught up after last key, ${size.label}`, typing.catchUp, null, { max: size.catchUp }));
      rows.push(
        row(`Preview caught up, typing right after opening, ${size.label}`, [typing.firstCatchUp], null, {
          max: size.catchUp,
          info: true,
        }),
      );
      if (size.label === '1 MB') {
        rows.push(row('Open a 1 MB post to editable text, its opening painted', opens, null, { max: 500 }));
        rows.push(
          row('Open a 1 MB post, the whole text painted (vs bare textarea given it)', wholeOpens, bareOpens, {
            max: 500,
            info: true,
          }),
        );
      }
    } finally {
      await server.stop();
    }
  }
}

/**
 * @param {BrowserContext} context
 * @param {string} tmp
 * @param {Row[]} rows
 */
async function startupFigure(context, tmp, rows) {
  const dir = path.join(tmp, 'sample');
  await cp(path.join(root, 'posts'), dir, { recursive: true });
  const server = await startServer(dist, dir);
  try {
    const times = [];
    for (let i = 0; i < reps + 2; i++) times.push(await measureStartup(context, server.url));
    rows.push(row('Start-up to editable post (browser mode, sample posts)', times, null, { max: 1000, info: true }));
  } finally {
    await server.stop();
  }
  await electronStartupFigure(dir, tmp, rows);
}

/**
 * Start-up in Electron, where its binary exists: from launching the app on the sample posts to the
 * first post's text editable and painted (so it includes starting Electron itself, unlike browser
 * mode's figure, which starts at navigation). Without a binary it says why, in the log and the notes.
 * @param {string} dir
 * @param {string} tmp
 * @param {Row[]} rows
 */
async function electronStartupFigure(dir, tmp, rows) {
  const electron = findElectronBinary(root);
  if (!electron.ok) {
    const note = `Electron start-up not measured: no Electron binary (${electron.reason}).`;
    log(note);
    notes.push(note);
    return;
  }
  const times = [];
  for (let i = 0; i < reps; i++) {
    const data = await mkdtemp(path.join(tmp, 'electron-data-'));
    times.push(await measureElectronStartup(electron.path, path.join(dist, 'electron/main.cjs'), dir, data));
  }
  rows.push(
    row('Start-up to editable post (Electron, launch to text painted)', times, null, { max: 1000, info: true }),
  );
}

/**
 * @param {BrowserContext} context
 * @param {string} tmp
 * @param {Row[]} rows
 */
async function folderFigures(context, tmp, rows) {
  const dir = path.join(tmp, 'f10k');
  log('writing 10,000 posts…');
  await writeFolder(dir, 10_000, 2_600);
  await timeReadAll(dir); // warm the page cache so every figure reads from memory alike
  const read = [];
  const readSync = [];
  const listCold = [];
  const listAgain = [];
  const startCold = [];
  const startAgain = [];
  const uiCold = [];
  const uiAgain = [];
  /** @type {{ page: Page, server: { stop: () => Promise<void> } } | null} */
  let last = null;
  for (let i = 0; i < reps; i++) {
    read.push((await timeReadAll(dir)).ms);
    readSync.push((await timeReadAllSync(dir)).ms);
    // First opening: a fresh data folder (no index); second: a new server over the same data folder.
    let t0 = performance.now();
    const cold = await startServer(dist, dir);
    listCold.push((await timeListPosts(cold.url)).ms);
    startCold.push(performance.now() - t0);
    await cold.stop();
    t0 = performance.now();
    const again = await startServer(dist, dir, { dataDir: cold.dataDir });
    listAgain.push((await timeListPosts(again.url)).ms);
    startAgain.push(performance.now() - t0);
    await again.stop();
    read.push((await timeReadAll(dir)).ms);
    const uiServer = await startServer(dist, dir);
    const opened = await measureFolderOpen(context, uiServer.url);
    uiCold.push(opened.ms);
    await opened.page.close({ runBeforeUnload: false });
    await uiServer.stop();
    const uiServer2 = await startServer(dist, dir, { dataDir: uiServer.dataDir });
    const reopened = await measureFolderOpen(context, uiServer2.url);
    uiAgain.push(reopened.ms);
    if (i < reps - 1) {
      await reopened.page.close({ runBeforeUnload: false });
      await uiServer2.stop();
    } else last = { ...reopened, server: uiServer2 };
    log(
      `10,000 posts: read ${lastMs(read)} ms, list ${lastMs(listCold)} / again ${lastMs(listAgain)} ms, from the server's start ${lastMs(startCold)} / ${lastMs(startAgain)} ms, UI ${lastMs(uiCold)} / again ${lastMs(uiAgain)} ms`,
    );
  }
  rows.push(
    row('List 10,000 posts through the server (vs read all files)', listCold, read, { ratio: 1.2, on: 'median' }),
  );
  rows.push(
    row('List 10,000 posts (vs reading them synchronously, as the list does)', listCold, readSync, {
      ratio: 1.2,
      on: 'median',
      info: true,
    }),
  );
  rows.push(
    row('Start the server on 10,000 posts and list them (Node starting included; vs read all)', startCold, read, {
      ratio: 1.2,
      on: 'median',
    }),
  );
  rows.push(row('Open 10,000 posts in the UI, list painted (vs read all)', uiCold, read, { ratio: 1.2, on: 'median' }));
  rows.push(
    row('Second opening: list 10,000 posts, new server (vs read all)', listAgain, read, { ratio: 0.25, on: 'median' }),
  );
  rows.push(
    row("Second opening from the server's start (Node starting included; vs read all)", startAgain, read, {
      ratio: 0.25,
      on: 'median',
      info: true,
    }),
  );
  rows.push(
    row('Second opening in the UI, list painted (vs read all)', uiAgain, read, {
      ratio: 0.25,
      on: 'median',
      info: true,
    }),
  );
  if (last === null) throw new Error('no folder page was kept');
  const { page, server } = last;
  try {
    // Rounds alternate app and bare field, so a p95 is not the single worst of 18 keys.
    /** @type {number[]} */
    const filterKeys = [];
    /** @type {number[]} */
    const bareKeys = [];
    /** @type {number[]} */
    const results = [];
    /** @type {number[]} */
    const answers = [];
    /** @type {number[]} */
    const lags = [];
    for (let round = 0; round < FILTER_ROUNDS; round++) {
      const filter = await measureFilter(page, FILTER_QUERY);
      filterKeys.push(...filter.keys);
      results.push(filter.results);
      bareKeys.push(...(await measureBareSearch(page, FILTER_QUERY)));
    }
    // Rounds of their own for each key's answer, so watching for it does not touch the keys' figure.
    for (let round = 0; round < ANSWER_ROUNDS; round++) {
      const measured = await measureFilter(page, FILTER_QUERY, { answers: true });
      answers.push(...measured.answers);
      lags.push(...measured.lags);
    }
    rows.push(
      row('Filter 10,000 posts, keystroke to paint (vs bare search field)', filterKeys, bareKeys, { max: FRAME_MS }),
    );
    rows.push(
      // The "filtering answers within one frame": since round 15 the first results come in the key's own render.
      row("Filter 10,000 posts, key to the list's answer painted (by title, path, tag)", answers, null, {
        max: FRAME_MS,
      }),
    );
    rows.push(
      // Frames, not ms: whether each answer is painted in the frame that shows its key in the box (lag 0),
      // which the machine's slow frames (the bare field's p95 above) do not move.
      row(
        "Filter 10,000 posts, frames between the key's echo and its answer (0: painted together)",
        lags.map(framesOf),
        null,
        {
          max: 0,
          unit: 'frames',
          info: true,
        },
      ),
    );
    rows.push(
      row('Filter 10,000 posts, last key to the whole answer painted (full-text hits joined)', results, null, {
        max: 500,
        info: true,
      }),
    );
    const memory = await measureMemory(page);
    rows.push(
      row(`Page JS heap with 10,000 posts listed (${memory.nodes} DOM nodes)`, [memory.mb], null, {
        max: 200,
        unit: 'MB',
      }),
    );
  } finally {
    await page.close({ runBeforeUnload: false });
    await server.stop();
  }
}

/**
 * @param {string} tmp
 * @param {Row[]} rows
 */
async function exportFigure(tmp, rows) {
  const dir = path.join(tmp, 'f1k');
  await writeFolder(dir, 1_000, 2_600);
  const exportSite = await loadExporter(root, tmp);
  const site = path.join(tmp, 'site');
  /** @type {{ cold: number[], warm: number[], edited: number[] }} */
  const times = { cold: [], warm: [], edited: [] };
  const baseline = [];
  /** @type {number[]} */
  const shaped = [];
  for (let i = 0; i < reps; i++) {
    // A fresh data folder: the first export finds no render cache; the next two reuse it.
    const data = path.join(tmp, `export-data-${i}`);
    const cold = await timeExport(exportSite, dir, site, data);
    times.cold.push(cold.ms);
    baseline.push(await timeReadWrite(dir, path.join(tmp, 'copy'), cold.bytes, cold.files));
    shaped.push(await timeReadWriteSite(dir, site, path.join(tmp, 'copy-shaped')));
    const warm = await timeExport(exportSite, dir, site, data, true);
    times.warm.push(warm.ms);
    await editPosts(dir, 10, i);
    const edited = await timeExport(exportSite, dir, site, data, true);
    times.edited.push(edited.ms);
    log(
      `export 1,000: first ${Math.round(cold.ms)} ms (${cold.files} files, ${(cold.bytes / 1e6).toFixed(1)} MB), again ${Math.round(warm.ms)} ms (${warm.reused} reused), 10 edited ${Math.round(edited.ms)} ms (${edited.reused} reused) vs ${lastMs(baseline)} ms (${lastMs(shaped)} ms in the site's folders)`,
    );
  }
  // The floor under the first export: the same posts' Markdown rendered alone, in one thread.
  const renderAll = await markdownPass(root, dir);
  /** @type {number[]} */
  const rendered = [];
  for (let i = 0; i < reps; i++) rendered.push(renderAll());
  log(`render 1,000 posts' Markdown in one thread: ${rendered.map((ms) => Math.round(ms)).join(', ')} ms`);
  const vs = '(vs read + write as many bytes)';
  rows.push(
    row(`Export 1,000 posts, first time (empty cache) ${vs}`, times.cold, baseline, { ratio: 3, on: 'median' }),
  );
  rows.push(
    row(`Export 1,000 posts, first time (vs read + write the same files in the site's folders)`, times.cold, shaped, {
      ratio: 3,
      on: 'median',
      info: true,
    }),
  );
  rows.push(
    row(`Render the 1,000 posts' Markdown alone, one thread, no disk ${vs}`, rendered, baseline, {
      ratio: 3,
      on: 'median',
      info: true,
    }),
  );
  rows.push(row(`Re-export, nothing changed ${vs}`, times.warm, baseline, { ratio: 3, on: 'median' }));
  rows.push(row(`Re-export after editing 10 posts ${vs}`, times.edited, baseline, { ratio: 3, on: 'median' }));
}

/**
 * Appends a line to `count` posts of `dir` (a different set each `round`), as a writer's edits would.
 * @param {string} dir
 * @param {number} count
 * @param {number} round
 */
async function editPosts(dir, count, round) {
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  for (let k = 0; k < count; k++) {
    const file = files[(round * count + k * 97) % files.length];
    if (file !== undefined) await appendFile(path.join(dir, file), `\nEdited in round ${round}.\n`);
  }
}

/** A build outside the project (PW_DIST=/tmp/...) cannot find the project's packages: link them in. */
async function linkPackages() {
  if (!path.relative(root, dist).startsWith('..')) return;
  await symlink(path.join(root, 'node_modules'), path.join(dist, 'node_modules'), 'dir').catch(
    (/** @type {unknown} */ error) => {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    },
  );
}

/**
 * Says so when the browser still opens its own WebUI beside each page (scripts/chromium.mjs turns
 * off the omnibox popup, which cost a core per new page here): another Chromium may name it otherwise.
 * @param {BrowserContext} context
 */
async function warnOfBrowserUi(context) {
  const page = await context.newPage();
  const browser = context.browser();
  if (browser === null) throw new Error('the context has no browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    /** @type {{ targetInfos: { type: string, url: string }[] }} */
    const { targetInfos } = await cdp.send('Target.getTargets');
    const ui = targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url);
    if (ui.length > 0)
      log(`note: Chromium runs its own WebUI beside each page (${ui.join(', ')}); figures include its CPU`);
  } finally {
    await cdp.detach();
    await page.close();
  }
}

async function main() {
  await linkPackages();
  const tmp = await mkdtemp(path.join(tmpdir(), 'postwright-bench-'));
  const started = Date.now();
  /** @type {Row[]} */
  const rows = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT_SCRIPT);
  try {
    await warnOfBrowserUi(context);
    const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
    const parts = { startup: startupFigure, typing: typingFigures, folder: folderFigures };
    for (const [name, part] of Object.entries(parts)) {
      if (only === undefined || only === name) {
        log(`${name}…`);
        await part(context, tmp, rows);
      }
    }
    if (only === undefined || only === 'export') await exportFigure(tmp, rows);
  } finally {
    await browser.close();
    await rm(tmp, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nPostwright benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Chromium ${browser.version()}${quick ? ' (--quick)' : ''}\n`,
  );
  console.log(printTable(rows));
  for (const note of notes) console.log(`\n${note}`);
  console.log(`\nTook ${Math.round((Date.now() - started) / 1000)} s.`);
}

await main();
