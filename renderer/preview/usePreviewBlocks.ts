/**
 * The preview's HTML, block by block, for the text as it is now. Rendering runs in a worker that
 * re-renders only changed blocks, newest text first; where a worker cannot start it renders here.
 * The text comes straight from the editor's latest state on every key (./typing.ts), not through
 * React's state, which takes typed text only a few times a second.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { latestOnly, type LatestOnly } from '../state/latestOnly';
import { stepBytes, stepTowards } from './patch';
import { takePreviewWorker } from './previewWorker';
import {
  applyBlocksEdit,
  textEdit,
  type BlockReply,
  type KeyNotice,
  type RenderRequest,
  type WireReply,
} from './protocol';
import { createKeyGate, threadTimers, type KeyGate, type TextSource } from './typing';

/** What the preview shows: the blocks' HTML, warnings, and whether it lags behind the text. */
export interface PreviewBlocks {
  /** The text the blocks show (until the first render: the text now). */
  markdown: string;
  blocks: readonly string[];
  /**
   * Every block of the render being shown, those a long render has yet to put on the page too;
   * null before this post's first render (what the body opens with is not known yet).
   */
  all: readonly string[] | null;
  warnings: readonly string[];
  pending: boolean;
}

interface Rendered {
  request: RenderRequest;
  reply: BlockReply;
}

/** A render on its way to the page: `blocks` is what is shown so far (the reply's own list once all of it is). */
interface Shown extends Rendered {
  blocks: readonly string[];
}

interface Renderer {
  queue: LatestOnly<RenderRequest>;
  /** Tells the worker a key was typed: a long render under way gives way (./renderLoop.ts). */
  keyTyped: () => void;
  stop: () => void;
}

const NO_BLOCKS: readonly string[] = [];

function startRenderer(onRendered: (rendered: Rendered) => void): Renderer {
  let worker: Worker | null = null;
  let inFlight: RenderRequest | null = null;
  let here: Promise<(request: RenderRequest) => BlockReply> | null = null;
  const finish = (reply: BlockReply): void => {
    if (inFlight !== null && inFlight.seq === reply.seq) onRendered({ request: inFlight, reply });
    inFlight = null;
    queue.done();
  };
  const renderHere = (job: RenderRequest): void => {
    // The pipeline loads on the page only where a worker cannot start: start-up never parses it.
    here ??= import('./renderBlocks').then((module) => module.createPreviewRenderer());
    here.then(
      // Render after the keystroke that asked for it has been painted.
      (render) => window.setTimeout(() => finish(render(job)), 0),
      (error: unknown) =>
        finish({ seq: job.seq, blocks: [], warnings: [`The preview could not load: ${String(error)}`] }),
    );
  };
  // What the worker was last sent and sent back: messages carry only the change (./protocol.ts).
  let sent: { postId: string; markdown: string } | null = null;
  let replied: string[] = [];
  const queue = latestOnly<RenderRequest>((job) => {
    inFlight = job;
    if (worker === null) {
      renderHere(job);
      return;
    }
    const base = sent?.postId === job.postId ? sent.markdown : '';
    worker.postMessage({ seq: job.seq, postId: job.postId, text: textEdit(base, job.markdown) });
    sent = { postId: job.postId, markdown: job.markdown };
  });
  try {
    worker = takePreviewWorker();
    worker.addEventListener('message', (event: MessageEvent<WireReply>) => {
      replied = applyBlocksEdit(replied, event.data.blocks);
      finish({ seq: event.data.seq, blocks: replied, warnings: event.data.warnings });
    });
    worker.addEventListener('error', (event) => {
      // The worker could not load (e.g. a protocol that refuses workers): render on the page.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      if (inFlight !== null) renderHere(inFlight);
    });
  } catch {
    worker = null;
  }
  const notice: KeyNotice = { key: true };
  return { queue, keyTyped: () => worker?.postMessage(notice), stop: () => worker?.terminate() };
}

/**
 * Shows `rendered`, starting from what `before` shows: all of it, or (a long post's first render) a
 * first part of about `budget` bytes of HTML, the rest following a part per task so typing is never
 * kept waiting (see ./patch.ts and `stepBudget`).
 */
function showFrom(before: Shown | null, rendered: Rendered, budget: number): Shown {
  const from = before !== null && before.request.postId === rendered.request.postId ? before.blocks : NO_BLOCKS;
  return { ...rendered, blocks: stepTowards(from, rendered.reply.blocks, budget) };
}

/** How much new HTML the next step may put on the page: more while the author is not typing. */
function stepBudget(gate: KeyGate | null): number {
  return stepBytes(gate?.typing() ?? true);
}

/** Renders the text of `postId` that `text` holds; the last finished render stays on screen until the next. */
export function usePreviewBlocks(postId: string, text: TextSource): PreviewBlocks {
  const [rendered, setRendered] = useState<Shown | null>(null);
  // The newest request; a render shown for an older one is still pending.
  const [asked, setAsked] = useState(0);
  const renderer = useRef<Renderer | null>(null);
  const seq = useRef(0);
  const gate = useRef<KeyGate | null>(null);

  useEffect(() => {
    const opened = createKeyGate(text, threadTimers);
    gate.current = opened;
    // A key down is typing before its change is painted: a step then stays small (stepBudget).
    const keyDown = (): void => opened.keyDown();
    document.addEventListener('keydown', keyDown, true);
    const started = startRenderer((next) => {
      opened.run(() => {
        const budget = stepBudget(opened);
        setRendered((before) => showFrom(before, next, budget));
      });
    });
    renderer.current = started;
    return () => {
      document.removeEventListener('keydown', keyDown, true);
      started.stop();
      opened.stop();
      renderer.current = null;
      gate.current = null;
    };
  }, [text]);

  // At once on every change, without a settle delay or a render: the worker re-renders only the
  // changed block, and a render asked for while one runs replaces the waiting one (latestOnly), so
  // bursts never queue up. Only the busy mark waits for a render, after the key is painted.
  useEffect(() => {
    let last: { postId: string; markdown: string } | null = null;
    const ask = (): void => {
      const markdown = text.body();
      if (text.postId() !== postId || (last?.postId === postId && last.markdown === markdown)) return;
      last = { postId, markdown };
      seq.current += 1;
      const request = { seq: seq.current, postId, markdown };
      renderer.current?.queue.request(request);
      startTransition(() => setAsked(request.seq));
    };
    ask();
    return text.subscribe(() => {
      // An edit of this post (a key, a paste, a command): the worker hears of it first. Another
      // post opening is not typing: its first render must not wait.
      if (text.postId() === postId) renderer.current?.keyTyped();
      ask();
    });
  }, [postId, text]);

  // The rest of a long render, a part per task, each put on the page between keys (the gate).
  useEffect(() => {
    if (rendered === null || rendered.blocks === rendered.reply.blocks) return;
    const step = (): void => {
      const budget = stepBudget(gate.current);
      setRendered((now) => (now === rendered ? showFrom(now, now, budget) : now));
    };
    const timer = window.setTimeout(() => (gate.current === null ? step() : gate.current.run(step)), 0);
    return () => window.clearTimeout(timer);
  }, [rendered]);

  // Another post's HTML is never shown under this one's title, even for a moment.
  const current = rendered !== null && rendered.request.postId === postId ? rendered : null;
  return {
    markdown: current?.request.markdown ?? text.body(),
    blocks: current?.blocks ?? NO_BLOCKS,
    all: current?.reply.blocks ?? null,
    warnings: current?.reply.warnings ?? NO_BLOCKS,
    pending: current === null || current.request.seq < asked || current.blocks !== current.reply.blocks,
  };
}
