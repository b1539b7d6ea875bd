import { CHROMIUM_ARGS as PLAYWRIGHT_ARGS } from '../scripts/chromium.mjs';

/**
 * Code injected into every benchmark page before the app loads. Keystroke latency is measured
 * from the key event's timestamp (when the browser received it, so time spent queued behind
 * other work counts) to the first task after the next animation frame, i.e. after the frame
 * that shows the keystroke has been produced.
 */
export const INIT_SCRIPT = `
(() => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  }));
  const bench = { afterPaint, lat: [], lastKey: 0, recording: false };
  window.__bench = bench;
  document.addEventListener('keydown', (event) => {
    if (!bench.recording) return;
    const t0 = event.timeStamp;
    bench.lastKey = t0;
    afterPaint().then((t) => bench.lat.push(t - t0));
  }, true);
})();
`;

/**
 * What INIT_SCRIPT puts on the page as window.__bench.
 * @typedef {{ afterPaint: () => Promise<number>, lat: number[], lastKey: number, recording: boolean }} Bench
 */
/** @typedef {{ __bench: Bench }} BenchHost */

/** Chromium flags: the project's Playwright flags, plus precise heap figures. */
export const CHROMIUM_ARGS = [...PLAYWRIGHT_ARGS, '--enable-precise-memory-info'];
