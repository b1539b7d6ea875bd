/**
 * Which rows of a long list to render: only those in view plus a margin, at a fixed row height,
 * so a folder of 10,000 posts costs the page a few dozen rows and filtering answers in a frame.
 */

/** Lists longer than this are windowed; shorter ones render every row (every option stays in the page). */
export const WINDOW_ABOVE = 300;

/** The height of one row of a windowed list, in CSS pixels (fixed by renderer/styles/perf.css). */
export const ROW_HEIGHT = 54;

/** Rows rendered above and below the visible ones, so fast scrolling shows no blank rows. */
const OVERSCAN = 10;

/** The rows `[start, end)` to render for a list of `count` rows scrolled to `scrollTop` in a view `height` tall. */
export function listWindow(count: number, scrollTop: number, height: number): { start: number; end: number } {
  if (count <= WINDOW_ABOVE) return { start: 0, end: count };
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
  const visible = Math.ceil(Math.max(height, ROW_HEIGHT) / ROW_HEIGHT);
  const start = Math.max(0, Math.min(count, first) - OVERSCAN);
  return { start, end: Math.min(count, first + visible + OVERSCAN) };
}

/** The scrollTop that brings row `index` into a view `height` tall, or null when it is already in view. */
export function scrollToRow(index: number, scrollTop: number, height: number): number | null {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  if (top + ROW_HEIGHT > scrollTop + height) return top + ROW_HEIGHT - height;
  return null;
}

/** A stretch of a windowed list: rendered rows `[from, to)`, or a gap of `rows` rows not rendered. */
export type WindowPart = { kind: 'rows'; from: number; to: number } | { kind: 'gap'; rows: number };

/**
 * The parts of a windowed list: the rows `[start, end)`, plus row `keep` wherever it is (the row
 * with the keyboard focus stays in the page: removing a focused row loses the tab stop, and Chromium
 * then clamps the scroll position), with gaps for the rest.
 */
export function windowParts(count: number, start: number, end: number, keep: number): WindowPart[] {
  const ranges: [number, number][] = [[start, end]];
  if (keep >= 0 && keep < count && (keep < start || keep >= end)) {
    ranges.push([keep, keep + 1]);
    ranges.sort((a, b) => a[0] - b[0]);
  }
  const parts: WindowPart[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) parts.push({ kind: 'gap', rows: from - at });
    if (to > from) parts.push({ kind: 'rows', from, to });
    at = Math.max(at, to);
  }
  if (count > at) parts.push({ kind: 'gap', rows: count - at });
  return parts;
}
