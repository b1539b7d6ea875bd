/**
 * The preview's HTML for the text as it is now. Rendering runs in a worker (a long post can take
 * a moment), newest text first; where a worker cannot start it falls back to rendering here.
 */
import { useEffect, useRef, useState } from 'react';
import type { RenderReply, RenderRequest } from '../preview/protocol';
import { renderPost } from '../preview/renderPost';
import { latestOnly, type LatestOnly } from '../state/latestOnly';

/** What the preview shows: the HTML, its warnings, and whether it lags behind the text. */
export interface RenderedPreview {
  html: string;
  warnings: string[];
  pending: boolean;
}

/** A finished render and the request it answers. */
interface Rendered {
  request: RenderRequest;
  reply: RenderReply;
}

interface Renderer {
  queue: LatestOnly<RenderRequest>;
  stop: () => void;
}

function startRenderer(onRendered: (rendered: Rendered) => void): Renderer {
  let worker: Worker | null = null;
  let inFlight: RenderRequest | null = null;
  const finish = (reply: RenderReply): void => {
    if (inFlight !== null && inFlight.seq === reply.seq) onRendered({ request: inFlight, reply });
    inFlight = null;
    queue.done();
  };
  const renderHere = (job: RenderRequest): void => {
    // Render after the keystroke that asked for it has been painted.
    window.setTimeout(() => finish(renderPost(job)), 0);
  };
  const queue = latestOnly<RenderRequest>((job) => {
    inFlight = job;
    if (worker !== null) worker.postMessage(job);
    else renderHere(job);
  });
  try {
    worker = new Worker(new URL('../preview/worker.ts', import.meta.url), { type: 'module', name: 'preview' });
    worker.addEventListener('message', (event: MessageEvent<RenderReply>) => finish(event.data));
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
  return { queue, stop: () => worker?.terminate() };
}

/** How long the text must rest before the preview follows it: a blink for short posts, up to a second for huge ones. */
export function settleDelay(length: number): number {
  return Math.min(1000, 40 + Math.round(length / 100));
}

/** Renders `markdown` of `postId`; the last finished render stays on screen until the next. */
export function useRenderedPreview(postId: string, markdown: string): RenderedPreview {
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const renderer = useRef<Renderer | null>(null);
  const seq = useRef(0);
  const shownPost = useRef<string | null>(null);

  useEffect(() => {
    const started = startRenderer(setRendered);
    renderer.current = started;
    return () => {
      started.stop();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    const request = (): void => {
      seq.current += 1;
      renderer.current?.queue.request({ seq: seq.current, postId, markdown });
    };
    if (shownPost.current !== postId) {
      shownPost.current = postId;
      request();
      return;
    }
    // Swapping in a long post's whole preview costs the page a relayout: wait for a pause first.
    const timer = window.setTimeout(request, settleDelay(markdown.length));
    return () => window.clearTimeout(timer);
  }, [postId, markdown]);

  // Another post's HTML is never shown under this one's title, even for a moment.
  const current = rendered !== null && rendered.request.postId === postId ? rendered : null;
  return {
    html: current?.reply.html ?? '',
    warnings: current?.reply.warnings ?? [],
    pending: current === null || current.request.markdown !== markdown,
  };
}
