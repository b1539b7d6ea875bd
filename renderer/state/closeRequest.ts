/**
 * The page's side of closing the desktop window or quitting: with nothing unsaved the answer is
 * "close" at once; otherwise the main process hears "asking" (so it waits for the author, however
 * long) and the author chooses Save, Don't save or Cancel. A save that fails keeps the window.
 */
import type { CloseAnswer, CloseReason, CloseRequest } from '../../shared/api/desktop';

/** The author's choice in the unsaved-changes dialog. */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the flow needs from the page. */
export interface CloseFlowDeps {
  /** Whether the open post holds unsaved edits now. */
  isDirty: () => boolean;
  /** Sends the answer to the main process. */
  answer: (request: number, answer: CloseAnswer) => void;
  /** Shows the question for this reason, or hides it (null). */
  show: (reason: CloseReason | null) => void;
  /** Saves every unsaved post; true once all of it is on disk. */
  save: () => Promise<boolean>;
  /** Forgets the journalled edits of the open post, once they are saved or given up. */
  forget: () => Promise<void>;
}

/** The flow: requests come in from the main process, choices from the dialog. */
export interface CloseFlow {
  request: (request: CloseRequest) => void;
  choose: (choice: CloseChoice) => Promise<void>;
}

/** Creates the flow with no question open. */
export function createCloseFlow(deps: CloseFlowDeps): CloseFlow {
  let open: CloseRequest | null = null;

  return {
    request(request) {
      if (open === null && !deps.isDirty()) {
        deps.answer(request.request, 'close');
        return;
      }
      // A newer request (the app gave up waiting, then the author closed again) takes over the question.
      deps.answer(request.request, 'asking');
      open = request;
      deps.show(request.reason);
    },
    async choose(choice) {
      const asked = open;
      if (asked === null) return;
      open = null;
      deps.show(null);
      if (choice === 'cancel') {
        deps.answer(asked.request, 'stay');
        return;
      }
      // The failed save's reason is on screen (error or conflict banner); the window stays.
      if (choice === 'save' && !(await deps.save())) {
        deps.answer(asked.request, 'stay');
        return;
      }
      await deps.forget();
      deps.answer(asked.request, 'close');
    },
  };
}
