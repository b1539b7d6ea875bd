/**
 * The preview's worker, started before the first post is opened. Loading the Markdown pipeline in a
 * worker costs a core 250–400 ms of CPU, and its first render runs in the interpreter: started when a
 * post opened, both landed on the author's first keystrokes (a trace of typing into a post just
 * opened). Started while the page is idle after the list is shown, and given a small sample to
 * render, the worker is ready when the first post opens.
 */
import type { WarmRequest } from './protocol';

let spare: { worker: Worker; failed: boolean } | null = null;
/** Whether a preview took its worker: after that, one started ahead would only compete with the author's typing. */
let taken = false;

function startWorker(): Worker {
  return new Worker(new URL('./blockWorker.ts', import.meta.url), { type: 'module', name: 'preview' });
}

/** Starts the first preview's worker ahead of time, unless a preview has one already or workers cannot start. */
export function preparePreviewWorker(): void {
  if (spare !== null || taken || typeof Worker !== 'function') return;
  try {
    const prepared = { worker: startWorker(), failed: false };
    // A worker that cannot load reports it once; whoever takes it later must still hear of it.
    prepared.worker.addEventListener('error', () => (prepared.failed = true), { once: true });
    const warm: WarmRequest = { warm: true };
    prepared.worker.postMessage(warm);
    spare = prepared;
  } catch {
    spare = null;
  }
}

/** The worker prepared ahead of time, or a new one (where the prepared one could not load, a new one reports why). */
export function takePreviewWorker(): Worker {
  const prepared = spare;
  spare = null;
  taken = true;
  if (prepared !== null && !prepared.failed) return prepared.worker;
  prepared?.worker.terminate();
  return startWorker();
}
