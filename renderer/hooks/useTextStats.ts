/**
 * Counts of the open post and of the selection, computed off the typing path: after the text has
 * rested a moment, in a worker (on the page, in idle time, where a worker cannot start). A post of
 * a megabyte costs its author nothing while they type, and the counts follow within half a second.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { textStats, type TextStats } from '../state/wordCount';

/** Count `text`; `seq` matches the reply to its request. */
export interface StatsRequest {
  seq: number;
  text: string;
}

/** The counts for request `seq`. */
export interface StatsReply {
  seq: number;
  stats: TextStats;
}

type Listener = (reply: StatsReply) => void;

interface Counter {
  count: (text: string, onCounted: (stats: TextStats) => void) => () => void;
}

let counter: Counter | null = null;

/** One worker for the window, shared by every count; replies go back to whoever asked. */
function sharedCounter(): Counter {
  if (counter !== null) return counter;
  const waiting = new Map<number, Listener>();
  let seq = 0;
  let worker: Worker | null = null;
  const countHere = (request: StatsRequest): void => {
    const run = (): void => waiting.get(request.seq)?.({ seq: request.seq, stats: textStats(request.text) });
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else window.setTimeout(run, 0);
  };
  const pending = new Map<number, StatsRequest>();
  try {
    worker = new Worker(new URL('./textStatsWorker.ts', import.meta.url), { type: 'module', name: 'counts' });
    worker.addEventListener('message', (event: MessageEvent<StatsReply>) => {
      pending.delete(event.data.seq);
      waiting.get(event.data.seq)?.(event.data);
    });
    worker.addEventListener('error', (event) => {
      // The worker could not load (a protocol that refuses workers): count on the page.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      for (const request of pending.values()) countHere(request);
      pending.clear();
    });
  } catch {
    worker = null;
  }
  counter = {
    count: (text, onCounted) => {
      seq += 1;
      const request = { seq, text };
      waiting.set(seq, (reply) => {
        waiting.delete(reply.seq);
        onCounted(reply.stats);
      });
      if (worker === null) countHere(request);
      else {
        pending.set(seq, request);
        worker.postMessage(request);
      }
      return () => {
        waiting.delete(request.seq);
        pending.delete(request.seq);
      };
    },
  };
  return counter;
}

/** Texts shorter than this are counted at once, during render (a selection, say): it costs under a millisecond. */
export const COUNT_AT_ONCE_BELOW = 20_000;

/** What the counts are of, and how to count them. */
export interface CountOptions {
  /** Which text this is (the post's id): counts of another are never shown, and a new one is counted at once. */
  scope: string;
  /** How long the text must rest before it is counted again. */
  settleMs: number;
  /** Texts shorter than this are counted during render (0: never). */
  atOnceBelow: number;
}

/** The counts of `text` (null for no text, and until the first count of this scope arrives). */
export function useTextStats(text: string | null, { scope, settleMs, atOnceBelow }: CountOptions): TextStats | null {
  const [counted, setCounted] = useState<{ scope: string; stats: TextStats } | null>(null);
  const countedScope = useRef<string | null>(null);
  const atOnce = text !== null && text.length < atOnceBelow;
  const now = useMemo(() => (atOnce ? textStats(text) : null), [atOnce, text]);
  useEffect(() => {
    if (text === null || atOnce) return;
    let cancel = (): void => undefined;
    const timer = window.setTimeout(
      () => {
        cancel = sharedCounter().count(text, (stats) => {
          countedScope.current = scope;
          setCounted({ scope, stats });
        });
      },
      countedScope.current === scope ? settleMs : 0,
    );
    return () => {
      window.clearTimeout(timer);
      cancel();
    };
  }, [text, atOnce, scope, settleMs]);
  if (text === null) return null;
  return now ?? (counted?.scope === scope ? counted.stats : null);
}
