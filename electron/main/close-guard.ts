/**
 * Closing a window and quitting the app ask the page first: only the page knows whether it holds
 * unsaved edits, and it asks the author Save / Don't save / Cancel. A page that does not take the
 * question in time, or that crashed or hung, gets the native Leave/Stay question instead, so the
 * app can always be closed. Plain state without Electron: windows are named by number.
 */
import { fail, ok, type Result } from '../../shared/api/contract';
import type { CloseAnswer, CloseReason, CloseRequest } from '../../shared/api/desktop';

/** How long a page has to take a close request (answer, or say it is asking) before the native question. */
export const CLOSE_ACK_TIMEOUT_MS = 4000;

/** What the guard needs from the world (Electron's windows, dialogs and timers in the app). */
export interface CloseGuardDeps {
  /** Sends a close request to the page of window `id`. */
  send: (id: number, request: CloseRequest) => void;
  /** Closes window `id` for real (its next `windowClosing` is let through). */
  close: (id: number) => void;
  /** Quits the app for real (the next `appQuitting` is let through). */
  quit: () => void;
  /** The native Leave/Stay question over window `id`; true to leave. */
  askNatively: (id: number) => boolean;
  /** The open windows, in the order a quit asks them. */
  windows: () => number[];
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule: (fn: () => void, ms: number) => () => void;
  timeoutMs?: number;
}

/** Where one window stands: nothing asked, waiting for the page, the author is asked, or closing. */
export type ClosePhase = 'idle' | 'waiting' | 'asking' | 'closing';

/** The decisions, one per Electron event that can end a window or the app. */
export interface CloseGuard {
  /** A window's `close` event: true to let it close now, false to prevent it (the page is asked). */
  windowClosing(id: number): boolean;
  /** The app's `before-quit` event: true to let it quit now, false to prevent it (each window is asked). */
  appQuitting(): boolean;
  /** The page's answer to request `request`; refused when that request is not the open one. */
  answer(id: number, request: number, answer: CloseAnswer): Result<null>;
  /** The page's own word on whether it holds unsaved edits. */
  setEdited(id: number, edited: boolean): void;
  /** The system is shutting down (Windows): true to hold it while a window with edits asks. */
  sessionEnding(id: number): boolean;
  /** The page crashed or stopped responding: an open question goes native now, later ones at once. */
  pageLost(id: number): void;
  /** The page is back (responsive again, or reloaded): an open question is asked again. */
  pageBack(id: number): void;
  /** The window is gone. */
  forget(id: number): void;
  phase(id: number): ClosePhase;
  /** Whether a quit is asking the windows one by one. */
  quitting(): boolean;
}

interface Question {
  request: number;
  reason: CloseReason;
  acknowledged: boolean;
  cancelTimer: () => void;
  /** Told whether the window closed, once the question is settled. */
  done: ((closed: boolean) => void)[];
}

/** Creates the guard with no window asked and no quit under way. */
export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  const timeoutMs = deps.timeoutMs ?? CLOSE_ACK_TIMEOUT_MS;
  const questions = new Map<number, Question>();
  const closing = new Set<number>();
  const edited = new Map<number, boolean>();
  const lost = new Set<number>();
  let lastRequest = 0;
  let quitQueue: number[] | null = null;
  let quitAllowed = false;

  function settle(id: number, closed: boolean): void {
    const question = questions.get(id);
    if (question === undefined) return;
    questions.delete(id);
    question.cancelTimer();
    if (closed) {
      closing.add(id);
      deps.close(id);
    }
    for (const done of question.done) done(closed);
  }

  function fallBack(id: number): void {
    if (!questions.has(id)) return;
    // A page that last said it holds nothing unsaved closes without a question.
    settle(id, edited.get(id) === false || deps.askNatively(id));
  }

  function ask(id: number, reason: CloseReason, done?: (closed: boolean) => void): void {
    const open = questions.get(id);
    if (open !== undefined) {
      if (done) open.done.push(done);
      return;
    }
    const request = ++lastRequest;
    const isLost = lost.has(id);
    // Even a lost page is answered on the next turn, never inside the event that asked.
    const cancelTimer = deps.schedule(() => fallBack(id), isLost ? 0 : timeoutMs);
    questions.set(id, { request, reason, acknowledged: false, cancelTimer, done: done ? [done] : [] });
    if (!isLost) deps.send(id, { request, reason });
  }

  /** A page that reloaded while asked has forgotten the question: it gets it again, with a new wait. */
  function askAgain(id: number): void {
    const question = questions.get(id);
    if (question === undefined) return;
    question.cancelTimer();
    question.acknowledged = false;
    question.cancelTimer = deps.schedule(() => fallBack(id), timeoutMs);
    deps.send(id, { request: question.request, reason: question.reason });
  }

  function askNextForQuit(): void {
    while (quitQueue !== null && quitQueue.length > 0) {
      const id = quitQueue.shift() as number;
      if (closing.has(id) || !deps.windows().includes(id)) continue;
      ask(id, 'quit', (closed) => {
        if (closed) askNextForQuit();
        else quitQueue = null;
      });
      return;
    }
    if (quitQueue === null) return;
    quitQueue = null;
    quitAllowed = true;
    deps.quit();
  }

  function appQuitting(): boolean {
    if (quitAllowed) {
      // One quit only: should something still cancel it, the next one asks again.
      quitAllowed = false;
      return true;
    }
    if (quitQueue !== null) return false;
    const queue = deps.windows().filter((id) => !closing.has(id));
    if (queue.length === 0) return true;
    quitQueue = queue;
    askNextForQuit();
    return false;
  }

  return {
    windowClosing(id) {
      if (closing.has(id)) return true;
      ask(id, quitQueue === null ? 'close' : 'quit');
      return false;
    },
    appQuitting,
    answer(id, request, answer) {
      const question = questions.get(id);
      if (question?.request !== request) {
        return fail('CONFLICT', 'This close request is no longer open.', 'Close the window again.');
      }
      if (answer === 'asking') {
        question.acknowledged = true;
        question.cancelTimer();
      } else {
        settle(id, answer === 'close');
      }
      return ok(null);
    },
    setEdited(id, value) {
      edited.set(id, value);
    },
    sessionEnding(id) {
      if (edited.get(id) !== true || closing.has(id)) return false;
      if (quitQueue === null) appQuitting();
      return true;
    },
    pageLost(id) {
      lost.add(id);
      fallBack(id);
    },
    pageBack(id) {
      lost.delete(id);
      askAgain(id);
    },
    forget(id) {
      closing.delete(id);
      edited.delete(id);
      lost.delete(id);
      // A window that went away on its own counts as closed: a quit goes on to the next one.
      const question = questions.get(id);
      if (question === undefined) return;
      questions.delete(id);
      question.cancelTimer();
      for (const done of question.done) done(true);
    },
    phase(id) {
      if (closing.has(id)) return 'closing';
      const question = questions.get(id);
      if (question === undefined) return 'idle';
      return question.acknowledged ? 'asking' : 'waiting';
    },
    quitting: () => quitQueue !== null,
  };
}
