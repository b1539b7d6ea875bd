import { CHROMIUM_ARGS as PLAYWRIGHT_ARGS } from '../scripts/chromium.mjs';

/**
 * Code injected into every benchmark page before the app loads. Keystroke latency is measured
 * from the key event's timestamp (when the browser received it, so time spent queued behind
 * other work counts) to the first task after the next animation frame, i.e. after the frame
 * that shows the keystroke has been produced.
 */
export const INIT_SCRIPT = `
(() => {
  // Resolves with the time of the first task after the current frame (a frame's callbacks, then its paint).
  const afterThisFrame = (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  };
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));
  // The first frame in which check() holds, ended: what it shows is painted. (Polling each frame and
  // then calling afterPaint would wait for the frame after, and whatever work runs before it.)
  const paintedWhen = (check, limit = 60000) => new Promise((resolve, reject) => {
    const given = performance.now();
    const frame = () => {
      if (check()) afterThisFrame(resolve);
      else if (performance.now() - given > limit) reject(new Error('waited ' + limit + ' ms for: ' + check));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // The post's Markdown textarea holds at least \`min\` characters and can be typed into.
  const editable = (min = 1) => {
    const area = document.querySelector('textarea[aria-label="Markdown"]');
    return area instanceof HTMLTextAreaElement && area.value.length >= min && !area.readOnly;
  };
  const bench = { afterPaint, paintedWhen, editable, lat: [], lastKey: 0, recording: false, watchAnswers: false, answers: [], answerLags: [] };
  const waiting = [];
  let watcher = null;
  window.__bench = bench;
  document.addEventListener('keydown', (event) => {
    if (!bench.recording) return;
    const t0 = event.timeStamp;
    bench.lastKey = t0;
    const entry = { t0, query: null, echo: null };
    afterPaint().then((t) => {
      bench.lat.push(t - t0);
      entry.echo = t;
    });
    // A key's answer: the sidebar's list made for the query that key left in the search box, painted.
    // Watched by a mutation observer, not by polling frames (which would keep frames coming).
    if (!bench.watchAnswers) return;
    waiting.push(entry);
    if (watcher === null) {
      watcher = new MutationObserver(() => {
        if (!bench.watchAnswers) return;
        const results = document.querySelector('[role=listbox][aria-label="Search results"]');
        const posts = document.querySelector('[role=listbox][aria-label="Posts"]');
        const shown = results instanceof HTMLElement ? results.dataset.query : posts !== null ? '' : null;
        let last = -1;
        waiting.forEach((entry, index) => {
          if (entry.query === shown) last = index;
        });
        // That key is answered, and so is every key before it (a list for them was skipped or already shown).
        // Its lag: from the end of the frame that showed the key in the box to the end of the one that showed
        // its answer (0 when they are one frame; the echo's promise, made first, settles first).
        for (const answered of waiting.splice(0, last + 1))
          afterPaint().then((t) => {
            bench.answers.push(t - answered.t0);
            bench.answerLags.push(answered.echo === null ? t - answered.t0 : t - answered.echo);
          });
      });
      watcher.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query'] });
    }
  }, true);
  // The query a key left in the search box (its input event follows its keydown).
  document.addEventListener('input', (event) => {
    const entry = waiting.at(-1);
    if (entry !== undefined && entry.query === null && event.target instanceof HTMLInputElement) {
      entry.query = event.target.value.trim();
    }
  }, true);
})();
`;

/**
 * What INIT_SCRIPT puts on the page as window.__bench.
 * @typedef {{ afterPaint: () => Promise<number>, paintedWhen: (check: () => boolean, limit?: number) => Promise<number>, editable: (min?: number) => boolean, lat: number[], lastKey: number, recording: boolean, watchAnswers: boolean, answers: number[], answerLags: number[] }} Bench
 */
/** @typedef {{ __bench: Bench }} BenchHost */

/** Chromium flags: the project's Playwright flags, plus precise heap figures. */
export const CHROMIUM_ARGS = [...PLAYWRIGHT_ARGS, '--enable-precise-memory-info'];
