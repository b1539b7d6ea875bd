/** Asks before an action would drop unsaved edits: Save, Don't save, or Cancel. */
import { useCallback, useMemo, useState } from 'react';

/** The guard's state and its three answers. */
export interface Guard {
  /** True while the question is on screen. */
  asking: boolean;
  /** Runs `action` now when nothing is unsaved, otherwise asks first. */
  guard: (action: () => void) => void;
  saveThenContinue: () => Promise<void>;
  discardThenContinue: () => void;
  cancel: () => void;
}

/** `isDirty` and `save` come from the editor; `save` resolves true when everything is on disk. */
export function useGuard(isDirty: () => boolean, save: () => Promise<boolean>): Guard {
  const [pending, setPending] = useState<{ action: () => void } | null>(null);

  const guard = useCallback(
    (action: () => void) => {
      if (isDirty()) setPending({ action });
      else action();
    },
    [isDirty],
  );

  const saveThenContinue = useCallback(async () => {
    if (pending === null) return;
    setPending(null);
    // A failed save leaves the edits and shows why (conflict or error banner); go nowhere.
    if (await save()) pending.action();
  }, [pending, save]);

  const discardThenContinue = useCallback(() => {
    if (pending === null) return;
    setPending(null);
    pending.action();
  }, [pending]);

  const cancel = useCallback(() => setPending(null), []);

  return useMemo(
    () => ({ asking: pending !== null, guard, saveThenContinue, discardThenContinue, cancel }),
    [pending, guard, saveThenContinue, discardThenContinue, cancel],
  );
}
