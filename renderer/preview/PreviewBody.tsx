/** The rendered body of the preview, updated block by block (./patch.ts) rather than re-parsed whole. */
import { useLayoutEffect, useRef } from 'react';
import { patchBlocks, type ShownBlock } from './patch';

/** The body's element; React renders no children into it, the patcher owns them. */
export function PreviewBody({ blocks }: { blocks: readonly string[] }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef<ShownBlock[]>([]);
  useLayoutEffect(() => {
    if (box.current === null) return;
    shown.current = patchBlocks(box.current, shown.current, blocks);
    // Lay the new HTML out now, in the task that put it there (timed to miss the keys,
    // ./usePreviewBlocks.ts), not in the next frame, which may be a keystroke's.
    box.current.getBoundingClientRect();
  }, [blocks]);
  return <div className="prose-body" ref={box} />;
}
