/**
 * Where a block of a textarea's text sits, vertically. A textarea cannot say, so its text is laid
 * out again in a hidden copy with the same width and type (a mirror), one element per block, where
 * each block's top is its offsetTop. An update re-lays out only the blocks whose text changed, so
 * after the first layout of a long post, keeping the mirror in step costs what the edit touched.
 */

/** The styles that decide where a textarea's lines wrap and how tall they are. */
const COPIED = [
  'boxSizing',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'tabSize',
  'textIndent',
  'textTransform',
  'whiteSpace',
  'overflowWrap',
  'wordBreak',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
] as const;

/** A textarea's text laid out again, block by block, to measure. */
export interface TextMirror {
  /**
   * Lays out `chunks`, consecutive pieces of the textarea's text that each start a line (all but
   * the last end with a line break), reusing the elements of chunks that did not change.
   */
  update: (area: HTMLTextAreaElement, chunks: readonly string[]) => void;
  /** The top of chunk `index`, in the textarea's scrolled content (0: the top of its padding). */
  topOf: (index: number) => number;
  /**
   * The boxes of [from, to) of chunk `index`'s text (one per line it wraps over), in the
   * textarea's scrolled content: 0, 0 is the top left of its border box.
   */
  rectsOf: (index: number, from: number, to: number) => DOMRect[];
  /** Whether the mirror was laid out for `area` as it is now (same width and type). */
  fits: (area: HTMLTextAreaElement) => boolean;
  /** Removes the mirror from the page. */
  dispose: () => void;
}

/** The width and type of `area` as one string: a mirror with another key wraps differently. */
function layoutKey(area: HTMLTextAreaElement): string {
  const style = getComputedStyle(area);
  return [area.clientWidth, style.fontSize, style.fontFamily, style.lineHeight, style.letterSpacing].join('|');
}

function styleLike(mirror: HTMLElement, area: HTMLTextAreaElement): void {
  const style = getComputedStyle(area);
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'fixed',
    top: '0',
    left: '-100000px',
    visibility: 'hidden',
    pointerEvents: 'none',
    contain: 'layout paint style',
    // clientWidth holds the padding but not a scroll bar: the width the lines really wrap in.
    width: `${area.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
    boxSizing: 'border-box',
    overflow: 'hidden',
  });
}

/** An empty mirror, in `document`'s body. */
export function createMirror(document: Document): TextMirror {
  const mirror = document.createElement('div');
  mirror.setAttribute('aria-hidden', 'true');
  let key = '';
  let shown: { text: string; element: HTMLElement }[] = [];
  const chunk = (text: string): { text: string; element: HTMLElement } => {
    const element = document.createElement('div');
    // A chunk's closing line break ends its last line, as the same break does in the textarea.
    element.textContent = text;
    return { text, element };
  };
  return {
    update: (area, chunks) => {
      if (!mirror.isConnected) document.body.append(mirror);
      const fresh = layoutKey(area);
      if (fresh !== key) {
        key = fresh;
        styleLike(mirror, area);
      }
      let head = 0;
      while (head < shown.length && head < chunks.length && shown[head]?.text === chunks[head]) head += 1;
      let tail = 0;
      while (
        tail < shown.length - head &&
        tail < chunks.length - head &&
        shown[shown.length - 1 - tail]?.text === chunks[chunks.length - 1 - tail]
      ) {
        tail += 1;
      }
      for (const old of shown.slice(head, shown.length - tail)) old.element.remove();
      const added = chunks.slice(head, chunks.length - tail).map(chunk);
      const before = shown[shown.length - tail]?.element ?? null;
      for (const { element } of added) mirror.insertBefore(element, before);
      shown = [...shown.slice(0, head), ...added, ...shown.slice(shown.length - tail)];
    },
    topOf: (index) => shown[index]?.element.offsetTop ?? 0,
    rectsOf: (index, from, to) => {
      const node = shown[index]?.element.firstChild;
      if (!(node instanceof Text)) return [];
      const range = document.createRange();
      range.setStart(node, Math.min(from, node.length));
      range.setEnd(node, Math.min(to, node.length));
      const origin = mirror.getBoundingClientRect();
      return [...range.getClientRects()].map(
        (rect) => new DOMRect(rect.left - origin.left, rect.top - origin.top, rect.width, rect.height),
      );
    },
    fits: (area) => layoutKey(area) === key,
    dispose: () => mirror.remove(),
  };
}
