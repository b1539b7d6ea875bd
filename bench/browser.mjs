/* eslint-disable @typescript-eslint/ban-ts-comment -- see the next line */
// @ts-nocheck -- untyped benchmark JavaScript (much of it runs in the page through page.evaluate); TODO: TypeScript.
/** The in-browser measurements: keystroke to paint, preview catch-up, opening a post, start-up, filtering, memory. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/require-await -- plain JavaScript run by Node (and, in page.evaluate, by the page): untyped by design */
/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle */
import { setTimeout as delay } from 'node:timers/promises';

/** Time between keystrokes: a fast typist (about 120 words a minute). */
const KEY_INTERVAL_MS = 90;

/** Opens a fresh page on `url` and waits for the post list. */
export async function freshPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('listbox', { name: 'Posts' }).getByRole('option').first().waitFor();
  return page;
}

/** Opens the post titled `title` by clicking it in the page; ms from the click to editable text painted. */
export async function openPost(page, title, minLength) {
  return page.evaluate(
    async ({ title, minLength }) => {
      const option = [...document.querySelectorAll('[role=option]')].find(
        (o) => o.getAttribute('aria-label') === title,
      );
      if (!option) throw new Error(`no post titled ${title}`);
      const t0 = performance.now();
      option.click();
      await new Promise((resolve) => {
        const check = () => {
          const area = document.querySelector('textarea[aria-label="Markdown"]');
          if (area && area.value.length >= minLength && !area.readOnly) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      return (await window.__bench.afterPaint()) - t0;
    },
    { title, minLength },
  );
}

/** Puts the caret in the middle of the text, at the end of a paragraph, in `selector`'s textarea. */
async function caretToMiddle(page, selector) {
  await page.evaluate((selector) => {
    const area = document.querySelector(selector);
    const middle = area.value.indexOf('\n\n', Math.floor(area.value.length / 2));
    const at = middle === -1 ? area.value.length : middle;
    area.focus();
    area.setSelectionRange(at, at);
  }, selector);
}

/** Types `text` key by key at a typist's pace; returns each key's latency to paint. */
async function typeMeasured(page, text) {
  await page.evaluate(() => {
    window.__bench.lat = [];
    window.__bench.recording = true;
  });
  for (const key of text) {
    const started = Date.now();
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    const rest = KEY_INTERVAL_MS - (Date.now() - started);
    if (rest > 0) await delay(rest);
  }
  await page.waitForFunction((n) => window.__bench.lat.length >= n, text.length);
  return page.evaluate(() => {
    window.__bench.recording = false;
    return window.__bench.lat;
  });
}

/** Ms from the last keystroke until the preview shows the text (not busy, painted) and contains `marker`. */
async function previewCatchUp(page, marker) {
  return page.evaluate(async (marker) => {
    const region = document.querySelector('[aria-label="Preview"]');
    await new Promise((resolve) => {
      const done = () => region.getAttribute('aria-busy') === 'false' && region.textContent.includes(marker);
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(region, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    return (await window.__bench.afterPaint()) - window.__bench.lastKey;
  }, marker);
}

/** A bare textarea laid over the editor, holding the same text: the baseline. */
async function addBareTextarea(page) {
  await page.evaluate(() => {
    const app = document.querySelector('textarea[aria-label="Markdown"]');
    const box = app.getBoundingClientRect();
    const bare = document.createElement('textarea');
    bare.id = 'bench-bare';
    bare.value = app.value;
    Object.assign(bare.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      zIndex: 9999,
      font: getComputedStyle(app).font,
    });
    document.body.append(bare);
  });
}

/**
 * Keystroke latency in the app's editor vs a bare textarea, alternating runs on the same page,
 * and the preview's catch-up after each app run.
 */
export async function measureTyping(page, { runs, keys }) {
  const app = [];
  const bare = [];
  const catchUp = [];
  for (let run = 0; run < runs; run++) {
    const marker = `zq${run}x`;
    const text = ` ${marker} ${'quick brown fox jumps '.repeat(4)}`.slice(0, keys);
    await caretToMiddle(page, 'textarea[aria-label="Markdown"]');
    app.push(...(await typeMeasured(page, text)));
    catchUp.push(await previewCatchUp(page, marker));
    await addBareTextarea(page);
    await caretToMiddle(page, '#bench-bare');
    bare.push(...(await typeMeasured(page, text)));
    await page.evaluate(() => document.getElementById('bench-bare').remove());
  }
  return { app, bare, catchUp };
}

/** Ms from navigation start to the first post editable (list painted, first post clicked, text painted). */
export async function measureStartup(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(async () => {
    const option = await new Promise((resolve) => {
      const check = () => {
        const found = document.querySelector('[role=option]');
        if (found) resolve(found);
        else requestAnimationFrame(check);
      };
      check();
    });
    option.click();
    await new Promise((resolve) => {
      const check = () => {
        const area = document.querySelector('textarea[aria-label="Markdown"]');
        if (area && area.value.length > 0 && !area.readOnly) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return window.__bench.afterPaint();
  });
  await page.close({ runBeforeUnload: false });
  return ms;
}

/** Ms from navigation start until the first post in the list is painted (the folder is usable). */
export async function measureFolderOpen(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.evaluate(async () => {
    await new Promise((resolve) => {
      const check = () => (document.querySelector('[role=option]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return window.__bench.afterPaint();
  });
  return { page, ms };
}

/** Latency of each keystroke typed into the filter box (then erased), on a page with the list loaded. */
export async function measureFilter(page, query) {
  const box = page.getByRole('textbox', { name: 'Filter posts' });
  await box.focus();
  const typed = await typeMeasured(page, query);
  await page.evaluate(() => {
    window.__bench.lat = [];
    window.__bench.recording = true;
  });
  for (let i = 0; i < query.length; i++) await page.keyboard.press('Backspace');
  await page.waitForFunction((n) => window.__bench.lat.length >= n, query.length);
  const erased = await page.evaluate(() => window.__bench.lat);
  return [...typed, ...erased];
}

/** The page's JavaScript heap after a full garbage collection, in MB, and its DOM node count. */
export async function measureMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { mb: heap.usedSize / 1e6, nodes: dom.nodes };
}
