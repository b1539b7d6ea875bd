/**
 * Scroll sync between the Markdown editor and the preview, both ways, anchored on blocks
 * (../state/scrollMap.ts): the block at the top of the pane being scrolled is brought to the top of
 * the other, and positions between two blocks are interpolated.
 *
 * No feedback loop: only the pane the author last touched (wheel, pointer, key, touch) leads. The
 * preview follows the editor but never drives it unless it leads itself, so its own relayouts (far
 * blocks are laid out lazily) do not bounce back; the editor's scroll events that we caused are
 * recognised by their position and ignored, while any other editor scroll (typing, find) leads.
 *
 * Cost: the map (a line scan of the text, the editor's text laid out again in a hidden mirror by
 * block, and a walk of the preview's top-level elements) is rebuilt only when a sync needs it after
 * the text or the preview changed, never between keystrokes: a scroll that typing caused waits for
 * a pause in typing. The mirror re-lays out only the blocks an edit changed. Measured on a 1 MB post (machine
 * under heavy load): first build 470 ms (once per opened post), rebuild after an edit 100 ms, each
 * sync frame under 0.5 ms (about log2(blocks) positions read).
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { alignBlocks, between, elementKind, lastAtOrBefore, sourceBlocks, type Anchor } from '../state/scrollMap';
import { createMirror, type TextMirror } from './textMirror';

type Side = 'editor' | 'preview';

/** What the map pairs: a chunk of the mirror (../hooks/textMirror.ts) with a rendered element. */
interface BlockMap {
  chunks: number[];
  elements: Element[];
}

/** The parts of the page a sync touches, found afresh each time (the editor may re-create them). */
interface Panes {
  textarea: HTMLTextAreaElement;
  /** What scrolls the editor: its area around a growing text area, or a long post's text area itself. */
  scroller: HTMLElement;
  preview: HTMLElement;
}

/** After this long without typing, a scroll of the editor is the author's, not the caret's. */
const TYPING_MS = 500;

function findPanes(box: HTMLElement | null, preview: HTMLElement | null): Panes | null {
  const textarea = box?.querySelector<HTMLTextAreaElement>('.markdown-pane textarea');
  const area = textarea?.closest<HTMLElement>('.w-md-editor-area');
  if (textarea == null || area == null || preview === null) return null;
  const scroller = textarea.scrollHeight > textarea.clientHeight + 1 ? textarea : area;
  return { textarea, scroller, preview };
}

/** Whether `target` is what scrolls the editor. */
function isEditorScroller(target: EventTarget | null): target is HTMLElement {
  if (target instanceof HTMLTextAreaElement) return target.closest('.markdown-pane') !== null;
  return target instanceof HTMLElement && target.classList.contains('w-md-editor-area');
}

/** Cuts `text` at the start of each block: the mirror's chunks. Chunk `i + 1` is block `i`. */
function chunksOf(text: string, offsets: readonly number[]): string[] {
  const chunks = [text.slice(0, offsets[0] ?? text.length)];
  offsets.forEach((offset, index) => chunks.push(text.slice(offset, offsets[index + 1] ?? text.length)));
  return chunks;
}

function buildMap(panes: Panes, mirror: TextMirror): BlockMap {
  const text = panes.textarea.value;
  const source = sourceBlocks(text);
  mirror.update(
    panes.textarea,
    chunksOf(
      text,
      source.map((block) => block.offset),
    ),
  );
  const elements = [...(panes.preview.querySelector('.prose-body')?.children ?? [])];
  const pairs = alignBlocks(
    source.map((block) => block.kind),
    elements.map((element) => elementKind(element.tagName)),
  );
  return {
    chunks: pairs.map(([i]) => i + 1),
    elements: pairs.map(([, j]) => elements[j]).filter((element) => element !== undefined),
  };
}

/** The top of the editor's chunk `index`, in the scroller's content coordinates. */
function editorTop({ textarea, scroller }: Panes, mirror: TextMirror, index: number): number {
  const top = mirror.topOf(index);
  if (scroller === textarea) return top;
  return top + textarea.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

function previewTop(preview: HTMLElement, element: Element): number {
  return element.getBoundingClientRect().top - preview.getBoundingClientRect().top + preview.scrollTop;
}

function maxScroll(element: HTMLElement): number {
  return Math.max(0, element.scrollHeight - element.clientHeight);
}

/** The scrollTop the follower should have for the leader's: between the anchors around the leader's top. */
function followerTop(panes: Panes, map: BlockMap, mirror: TextMirror, leader: Side): number {
  const { scroller, preview } = panes;
  const [from, to] = leader === 'editor' ? [scroller, preview] : [preview, scroller];
  const top = from.scrollTop;
  // The ends match exactly, whatever lies between.
  if (top <= 0) return 0;
  if (top >= maxScroll(from) - 1) return maxScroll(to);
  const position = (index: number, side: Side): number => {
    const element = map.elements[index];
    if (side === 'preview') return element === undefined ? 0 : previewTop(preview, element);
    return editorTop(panes, mirror, map.chunks[index] ?? 0);
  };
  const follower: Side = leader === 'editor' ? 'preview' : 'editor';
  const count = map.elements.length;
  const k = lastAtOrBefore(count, (index) => position(index, leader), top);
  const before: Anchor = k === -1 ? { from: 0, to: 0 } : { from: position(k, leader), to: position(k, follower) };
  const after: Anchor =
    k + 1 < count
      ? { from: position(k + 1, leader), to: position(k + 1, follower) }
      : { from: from.scrollHeight, to: to.scrollHeight };
  return between(before, after, top);
}

/** Until there is a map: the same fraction of the way down. */
function byRatio({ scroller, preview }: Panes, leader: Side): number {
  const [from, to] = leader === 'editor' ? [scroller, preview] : [preview, scroller];
  const range = maxScroll(from);
  return range > 0 ? (from.scrollTop / range) * maxScroll(to) : 0;
}

/** Keeps the editor and the preview in step while `enabled` (a setting); `box` holds both panes. */
export function useScrollSync(
  enabled: boolean,
  box: RefObject<HTMLElement | null>,
  preview: RefObject<HTMLElement | null>,
): { onPreviewRendered: () => void } {
  const stale = useRef(true);
  const wake = useRef<(() => void) | null>(null);

  useEffect(() => {
    const root = box.current;
    if (!enabled || root === null) return;
    let leader: Side | null = null;
    let expectedEditorTop: number | null = null;
    let map: BlockMap | null = null;
    const mirror = createMirror(root.ownerDocument);
    let lastInput = -Infinity;
    let frame = 0;
    let pause = 0;
    /** A sync gave up for a preview still rendering: the next render retries it. */
    let waiting = false;

    const sync = (): void => {
      frame = 0;
      waiting = false;
      const panes = findPanes(root, preview.current);
      if (panes === null || leader === null) return;
      if (map !== null && !mirror.fits(panes.textarea)) stale.current = true;
      if (stale.current || map === null) {
        // A preview still rendering an older text would anchor the wrong blocks: keep the old map until it is done.
        if (panes.preview.getAttribute('aria-busy') === 'true') waiting = true;
        else {
          map = buildMap(panes, mirror);
          stale.current = false;
        }
      }
      const usable = map !== null && map.elements.every((element) => element.isConnected) ? map : null;
      if (usable === null) waiting = true;
      const target = usable === null ? byRatio(panes, leader) : followerTop(panes, usable, mirror, leader);
      if (leader === 'editor') panes.preview.scrollTop = target;
      else {
        panes.scroller.scrollTop = target;
        // Read back: the browser rounds and clamps, and the scroll event will carry that value.
        expectedEditorTop = panes.scroller.scrollTop;
      }
    };
    const schedule = (): void => {
      if (frame !== 0 || pause !== 0) return;
      // A scroll that typing caused waits for a pause in typing, so the map is never rebuilt between keystrokes.
      const typing = TYPING_MS - (performance.now() - lastInput);
      if (typing > 0) {
        pause = window.setTimeout(() => {
          pause = 0;
          schedule();
        }, typing);
      } else frame = requestAnimationFrame(sync);
    };
    wake.current = () => {
      if (waiting) schedule();
    };

    const sideOf = (target: EventTarget | null): Side | null => {
      if (!(target instanceof Node)) return null;
      if (preview.current?.contains(target) === true) return 'preview';
      return target instanceof Element && target.closest('.markdown-pane') !== null ? 'editor' : null;
    };
    const onTouch = (event: Event): void => {
      const side = sideOf(event.target);
      if (side === null) return;
      leader = side;
      if (side === 'editor') expectedEditorTop = null;
    };
    const onScroll = (event: Event): void => {
      const target = event.target;
      if (target === preview.current) {
        if (leader === 'preview') schedule();
        return;
      }
      if (!isEditorScroller(target)) return;
      if (expectedEditorTop !== null && Math.abs(target.scrollTop - expectedEditorTop) < 1) return;
      expectedEditorTop = null;
      leader = 'editor';
      schedule();
    };
    const onInput = (): void => {
      stale.current = true;
      lastInput = performance.now();
    };
    const passive = { capture: true, passive: true } as const;
    root.addEventListener('scroll', onScroll, passive);
    for (const type of ['wheel', 'pointerdown', 'touchstart', 'keydown'] as const) {
      root.addEventListener(type, onTouch, passive);
    }
    root.addEventListener('input', onInput, passive);
    return () => {
      mirror.dispose();
      wake.current = null;
      cancelAnimationFrame(frame);
      window.clearTimeout(pause);
      root.removeEventListener('scroll', onScroll, passive);
      for (const type of ['wheel', 'pointerdown', 'touchstart', 'keydown'] as const) {
        root.removeEventListener(type, onTouch, passive);
      }
      root.removeEventListener('input', onInput, passive);
    };
  }, [enabled, box, preview]);

  const onPreviewRendered = useCallback(() => {
    stale.current = true;
    wake.current?.();
  }, []);
  return { onPreviewRendered };
}
