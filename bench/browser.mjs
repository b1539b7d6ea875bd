/// <reference lib="dom" />
/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle, HTMLElement, HTMLTextAreaElement -- the page's, inside page.evaluate */
/**
 * The in-browser measurements: keystroke to paint, preview catch-up, opening a post, start-up,
 * filtering, memory. The functions passed to page.evaluate run in the page, so each one finds
 * what it needs there (window.__bench comes from ./page-helpers.mjs).
 */
import { _electron } from '@playwright/test';
import { setTimeout as delay } from 'node:timers/promises';
import { INIT_SCRIPT } from './page-helpers.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('./page-helpers.mjs').BenchHost} BenchHost */

/** Time between keystrokes: a fast typist (about 120 words a minute). */
const KEY_INTERVAL_MS = 90;

/**
 * How long the app works on after typing stops: React's copy of the text (200 ms after the last key),
 * the status bar's counts (300 ms), the journal of unsaved edits (1 s). A baseline run waits this long
 * after the app's, so the bare field does not share the page's thread with the app's leftovers.
 */
const APP_SETTLE_MS = 1_200;

/**
 * Time between erasing keys: a held Backspace repeating (the usual autorepeat, ~30 keys a second).
 * Pressed back to back, Playwright sends them ~15–20 ms apart, faster than frames and than any
 * keyboard, so each key's latency would count the keys queued before it.
 */
const ERASE_INTERVAL_MS = 33;

/**
 * Opens a fresh page on `url` and waits for the post list.
 * @param {BrowserContext} context
 * @param {string} url
 */
export async function freshPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option').first().waitFor();
  return page;
}

/**
 * Opens the post titled `title` by clicking it in the page: ms from the click to the first paint of
 * editable text (at least `firstLength` characters: a long post's opening goes in first,
 * renderer/preview/openingText.ts) and to the paint with the whole text (at least `minLength`).
 * @param {Page} page
 * @param {string} title
 * @param {number} minLength
 * @param {number} [firstLength]
 * @returns {Promise<{ first: number, whole: number }>}
 */
export async function openPost(page, title, minLength, firstLength = minLength) {
  return page.evaluate(
    async ({ title, minLength, firstLength }) => {
      const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
      const option = [...document.querySelectorAll('[role=option]')].find(
        (o) => o.getAttribute('aria-label') === title,
      );
      if (!(option instanceof HTMLElement)) throw new Error(`no post titled ${title}`);
      const t0 = performance.now();
      option.click();
      const first = await bench.paintedWhen(() => bench.editable(firstLength));
      const whole = bench.editable(minLength) ? first : await bench.paintedWhen(() => bench.editable(minLength));
      return { first: first - t0, whole: whole - t0 };
    },
    { title, minLength, firstLength },
  );
}

/**
 * The floor under opening a post: ms for a bare textarea, styled and sized like the app's Markdown
 * textarea in `appPage`, to take that textarea's text and paint it, in a fresh page of `context`
 * (Chromium shapes every new word of a page's first long text, so a page that laid it out once would
 * measure a warm cache).
 * @param {BrowserContext} context
 * @param {Page} appPage
 * @returns {Promise<number>}
 */
export async function bareTextareaOpen(context, appPage) {
  const shape = await appPage.evaluate(() => {
    const area = document.querySelector('textarea[aria-label="Markdown"]');
    if (!(area instanceof HTMLTextAreaElement)) throw new Error('no Markdown textarea');
    const style = getComputedStyle(area);
    const keys = ['font-family', 'font-size', 'line-height', 'padding', 'white-space', 'word-break', 'overflow-wrap'];
    const css = keys.map((key) => `${key}:${style.getPropertyValue(key)}`).join(';');
    return { css, width: area.offsetWidth, height: area.offsetHeight, text: area.value };
  });
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><title>bare</title><body style="margin:0"></body>');
    return await page.evaluate(async ({ css, width, height, text }) => {
      const area = document.createElement('textarea');
      area.setAttribute('style', `${css};box-sizing:border-box;width:${width}px;height:${height}px`);
      area.spellcheck = true;
      document.body.append(area);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const t0 = performance.now();
      area.value = text;
      // The end mark of every other figure (the context's init script is on this page too).
      const painted = await /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench.afterPaint();
      return painted - t0;
    }, shape);
  } finally {
    await page.close();
  }
}

/**
 * Puts the caret in the middle of the text, at the end of a prose paragraph (typed into a table row
 * or a list the marker could render elsewhere or not at all), in `selector`'s textarea.
 * @param {Page} page
 * @param {string} selector
 */
async function caretToMiddle(page, selector) {
  await page.evaluate((selector) => {
    const area = document.querySelector(selector);
    if (!(area instanceof HTMLTextAreaElement)) throw new Error(`no textarea ${selector}`);
    const paragraphEnd = /\n[A-Z][^\n]*\.(?=\n\n)/g;
    paragraphEnd.lastIndex = Math.floor(area.value.length / 2);
    const found = paragraphEnd.exec(area.value);
    const at = found === null ? area.value.length : found.index + found[0].length;
    area.focus();
    area.setSelectionRange(at, at);
  }, selector);
}

/**
 * Starts recording the latency of every key pressed from now on.
 * @param {Page} page
 */
async function startRecording(page) {
  await page.evaluate(() => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    bench.lat = [];
    bench.recording = true;
  });
}

/**
 * Waits for the latencies of `count` keys, stops recording and returns them.
 * @param {Page} page
 * @param {number} count
 * @returns {Promise<number[]>}
 */
async function recorded(page, count) {
  await page.waitForFunction(
    (n) => /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench.lat.length >= n,
    count,
  );
  return page.evaluate(() => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    bench.recording = false;
    return bench.lat;
  });
}

/**
 * Types `text` key by key at a typist's pace; returns each key's latency to paint.
 * @param {Page} page
 * @param {string} text
 */
async function typeMeasured(page, text) {
  /** @type {string[]} */
  const keys = [];
  for (const key of text) keys.push(key === ' ' ? 'Space' : key);
  return pressMeasured(page, keys, KEY_INTERVAL_MS);
}

/**
 * Erases `count` characters before the caret as a held Backspace does; returns each key's latency to paint.
 * @param {Page} page
 * @param {number} count
 */
async function eraseMeasured(page, count) {
  return pressMeasured(
    page,
    Array.from({ length: count }, () => 'Backspace'),
    ERASE_INTERVAL_MS,
  );
}

/**
 * Presses `keys` one every `interval` ms; returns each key's latency to paint.
 * @param {Page} page
 * @param {string[]} keys
 * @param {number} interval
 */
async function pressMeasured(page, keys, interval) {
  await startRecording(page);
  for (const key of keys) {
    const started = Date.now();
    await page.keyboard.press(key);
    const rest = interval - (Date.now() - started);
    if (rest > 0) await delay(rest);
  }
  return recorded(page, keys.length);
}

/** How long the preview may take to show typed text before the benchmark gives up with a clear error. */
const CATCH_UP_LIMIT_MS = 60_000;

/**
 * Ms from the last keystroke until the preview shows the text (not busy, painted) and contains `marker`.
 * @param {Page} page
 * @param {string} marker
 * @returns {Promise<number>}
 */
async function previewCatchUp(page, marker) {
  const ms = await page.evaluate(
    async ({ marker, limit }) => {
      const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
      const region = document.querySelector('[aria-label="Preview"]');
      if (region === null) throw new Error('no Preview region');
      /** @type {Promise<boolean>} */
      const shown = new Promise((resolve) => {
        const done = () => region.getAttribute('aria-busy') === 'false' && (region.textContent ?? '').includes(marker);
        if (done()) {
          resolve(true);
          return;
        }
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(true);
          }
        });
        observer.observe(region, { attributes: true, childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(false);
        }, limit);
      });
      if (!(await shown)) return null;
      return (await bench.afterPaint()) - bench.lastKey;
    },
    { marker, limit: CATCH_UP_LIMIT_MS },
  );
  if (ms === null) {
    const state = await page.evaluate(() => ({
      busy: document.querySelector('[aria-label="Preview"]')?.getAttribute('aria-busy'),
      dialog: document.querySelector('[role=dialog], [role=alertdialog], dialog[open]')?.textContent?.slice(0, 120),
    }));
    throw new Error(`the preview did not show "${marker}" within ${CATCH_UP_LIMIT_MS} ms: ${JSON.stringify(state)}`);
  }
  return ms;
}

/**
 * A bare field laid over the app's field `of` (same place, size and font), with the id `id`: a
 * textarea holding the same text, or an empty search field. The baselines.
 * @param {Page} page
 * @param {{ of: string, id: string, kind: 'textarea' | 'search' }} field
 */
async function addBareField(page, field) {
  await page.evaluate(({ of, id, kind }) => {
    const app = document.querySelector(of);
    if (!(app instanceof HTMLElement)) throw new Error(`no ${of}`);
    const box = app.getBoundingClientRect();
    /** @type {HTMLTextAreaElement | HTMLInputElement} */
    let bare;
    if (kind === 'textarea' && app instanceof HTMLTextAreaElement) {
      bare = document.createElement('textarea');
      bare.value = app.value;
    } else {
      bare = document.createElement('input');
      bare.type = 'search';
      bare.spellcheck = false;
      bare.autocomplete = 'off';
    }
    bare.id = id;
    Object.assign(bare.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      zIndex: '9999',
      font: getComputedStyle(app).font,
    });
    document.body.append(bare);
  }, field);
}

/**
 * Waits until the preview has shown the whole text (not busy), however long its first render takes.
 * @param {Page} page
 */
export async function previewIdle(page) {
  await page.waitForFunction(
    () => document.querySelector('[aria-label="Preview"]')?.getAttribute('aria-busy') === 'false',
    null,
    { timeout: CATCH_UP_LIMIT_MS, polling: 50 },
  );
}

/**
 * Keystroke latency in the app's editor vs a bare textarea, alternating runs on the same page,
 * and the preview's catch-up after each app run. The first run starts as soon as the post is
 * editable, while its first preview may still be rendering (typing must not wait for it); its
 * catch-up is reported apart (`firstCatchUp`), the others start with the preview idle.
 * @param {Page} page
 * @param {{ runs: number, keys: number }} plan
 */
export async function measureTyping(page, { runs, keys }) {
  /** @type {number[]} */
  const app = [];
  /** @type {number[]} */
  const bare = [];
  /** @type {number[]} */
  const catchUp = [];
  let firstCatchUp = NaN;
  for (let run = 0; run < runs; run++) {
    const marker = `zq${run}x`;
    const text = ` ${marker} ${'quick brown fox jumps '.repeat(4)}`.slice(0, keys);
    if (run > 0) await previewIdle(page);
    await caretToMiddle(page, 'textarea[aria-label="Markdown"]');
    app.push(...(await typeMeasured(page, text)));
    const caughtUp = await previewCatchUp(page, marker);
    if (run === 0) firstCatchUp = caughtUp;
    else catchUp.push(caughtUp);
    await delay(APP_SETTLE_MS);
    await addBareField(page, { of: 'textarea[aria-label="Markdown"]', id: 'bench-bare', kind: 'textarea' });
    await caretToMiddle(page, '#bench-bare');
    bare.push(...(await typeMeasured(page, text)));
    await page.evaluate(() => document.getElementById('bench-bare')?.remove());
  }
  return { app, bare, catchUp, firstCatchUp };
}

/**
 * Ms from navigation start to the first post editable (list painted, first post clicked, text painted).
 * @param {BrowserContext} context
 * @param {string} url
 */
export async function measureStartup(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(async () => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    /** @type {Promise<HTMLElement>} */
    const listed = new Promise((resolve) => {
      const check = () => {
        const found = document.querySelector('[role=option]');
        if (found instanceof HTMLElement) resolve(found);
        else requestAnimationFrame(check);
      };
      check();
    });
    (await listed).click();
    return bench.paintedWhen(() => bench.editable());
  });
  await page.close({ runBeforeUnload: false });
  return ms;
}

/**
 * Ms from navigation start until the first post in the list is painted (the folder is usable).
 * @param {BrowserContext} context
 * @param {string} url
 */
export async function measureFolderOpen(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(async () => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    return bench.paintedWhen(() => document.querySelector('[role=option]') !== null);
  });
  return { page, ms };
}

/**
 * On a page with the list loaded, for `query` typed into the search box and then erased: each key's
 * latency to paint (`keys`), each key's latency to the sidebar's list answering it (`answers`, for the
 * keys that change the query searched for), and the ms from the last key typed until the whole answer,
 * full-text hits joined, is painted (`results`); and for each answered key, the ms from the frame
 * that showed the key in the box to the frame that showed its answer (`lags`: 0 when they are one).
 * @param {Page} page
 * @param {string} query
 * @param {{ answers?: boolean }} [options] `answers`: watch for each key's answer (else `answers` is empty)
 */
export async function measureFilter(page, query, { answers: watch = false } = {}) {
  const box = page.getByRole('searchbox', { name: 'Search posts' });
  await box.focus();
  // Each key's answer: the sidebar's list made for the query so far. Only when asked: the watching is
  // light (a mutation observer), but the keys' own latencies are measured without it.
  await page.evaluate((watch) => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    bench.answers = [];
    bench.answerLags = [];
    bench.watchAnswers = watch;
  }, watch);
  const typed = await typeMeasured(page, query);
  const results = await page.evaluate(async (query) => {
    const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
    // The whole answer: the results for the query, the server's full-text hits joined (no longer busy).
    const painted = await bench.paintedWhen(() => {
      const list = document.querySelector('[role=listbox][aria-label="Search results"]');
      return list instanceof HTMLElement && list.dataset.query === query && list.getAttribute('aria-busy') === 'false';
    });
    return painted - bench.lastKey;
  }, query.trim());
  const erased = await eraseMeasured(page, query.length);
  // The query gone, the whole list comes back (after the finder's settle): let it be painted, and the
  // app be quiet, before anything else is measured on this page.
  await page.evaluate(() =>
    /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench.paintedWhen(
      () =>
        document.querySelector('[role=listbox][aria-label="Search results"]') === null &&
        document.querySelector('[role=listbox][aria-label="Posts"] [role=option]') !== null,
    ),
  );
  const { answers, lags } = await page.evaluate(
    async (count) => {
      const bench = /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench;
      while (bench.answers.length < count || bench.answerLags.length < count) await bench.afterPaint();
      bench.watchAnswers = false;
      return { answers: bench.answers, lags: bench.answerLags };
    },
    watch ? query.length * 2 : 0,
  );
  await delay(APP_SETTLE_MS);
  const asked = (/** @type {unknown} */ _, /** @type {number} */ i) => changesQuery(query, i);
  return { keys: [...typed, ...erased], answers: answers.filter(asked), lags: lags.filter(asked), results };
}

/**
 * Whether key `index` of typing `query` and then erasing it with as many Backspaces changes the
 * query searched for (the trimmed text): a space typed after a word does not, and has no answer of its own.
 * @param {string} query
 * @param {number} index
 */
function changesQuery(query, index) {
  /** @param {number} i */
  const typed = (i) => (i < query.length ? query.slice(0, i + 1) : query.slice(0, 2 * query.length - 1 - i));
  const before = index === 0 ? '' : typed(index - 1);
  return typed(index).trim() !== before.trim();
}

/**
 * The floor under filtering: the same keys typed and erased in a bare search field laid over the
 * app's, on the same page (what a key costs the browser when nothing listens to it).
 * @param {Page} page
 * @param {string} query
 * @returns {Promise<number[]>}
 */
export async function measureBareSearch(page, query) {
  await addBareField(page, { of: 'input[type=search]', id: 'bench-bare-search', kind: 'search' });
  await page.locator('#bench-bare-search').focus();
  const typed = await typeMeasured(page, query);
  const erased = await eraseMeasured(page, query.length);
  await page.evaluate(() => document.getElementById('bench-bare-search')?.remove());
  return [...typed, ...erased];
}

/**
 * The page's JavaScript heap after a full garbage collection, in MB, and its DOM node count.
 * @param {Page} page
 */
export async function measureMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { mb: heap.usedSize / 1e6, nodes: dom.nodes };
}

/**
 * Ms from launching Electron (binary `executable`, main bundle `main`) on `postsDir` to the first
 * post's text editable and painted; `dataDir` is its user-data folder (no journal, no settings).
 * @param {string} executable
 * @param {string} main
 * @param {string} postsDir
 * @param {string} dataDir
 * @returns {Promise<number>}
 */
export async function measureElectronStartup(executable, main, postsDir, dataDir) {
  const t0 = performance.now();
  const app = await _electron.launch({
    executablePath: executable,
    args: [main, '--posts', postsDir],
    env: { ...process.env, POSTWRIGHT_USER_DATA: dataDir },
  });
  try {
    const appWindow = await app.firstWindow();
    // The window exists before this could add an init script: the same helpers, put in by hand.
    await appWindow.evaluate(INIT_SCRIPT);
    await appWindow.getByRole('listbox', { name: 'Posts' }).getByRole('option').first().click();
    // Ends as every figure does (page-helpers.mjs paintedWhen), here on this process's clock.
    await appWindow.evaluate(() =>
      /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench.paintedWhen(() =>
        /** @type {BenchHost} */ (/** @type {unknown} */ (window)).__bench.editable(),
      ),
    );
    return performance.now() - t0;
  } finally {
    await app.close();
  }
}
