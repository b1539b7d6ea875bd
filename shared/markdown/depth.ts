/**
 * A fixed cap on how deep a rendered tree may be. Raw HTML can nest without limit (Markdown's own
 * containers stop at MAX_NESTING), and the pipeline's tree walkers recurse: past some depth they
 * overflow the stack, and where that happens depends on the thread (the preview's worker, the
 * export's threads, Node's main thread: ~1,500 levels of `<div>` there). A tree deeper than the cap
 * is refused here, well below any of those, so the preview and the export agree on which post is
 * shown as text instead of each finding its own stack's edge.
 */
import type { Element, Root } from 'hast';

type Parent = Root | Element;

/** Deepest element nesting rendered as HTML (a real post rarely passes 30). */
export const MAX_TREE_DEPTH = 256;

/** Thrown (as a RangeError, like a stack overflow) when a tree is deeper than MAX_TREE_DEPTH. */
export class TreeTooDeep extends RangeError {
  constructor() {
    super(`The rendered tree nests more than ${String(MAX_TREE_DEPTH)} levels deep.`);
    this.name = 'TreeTooDeep';
  }
}

/** The rehype step that refuses a tree deeper than MAX_TREE_DEPTH; it walks with a stack, not recursion. */
export function rehypeDepthLimit(): (tree: Root) => void {
  return (tree) => {
    // Only parents go on the stack, their depths on one beside it: this walk meets every node of
    // every render, and a pair made for each node took half its time. A child (text or element)
    // is too deep exactly when its parent is at the cap.
    const parents: Parent[] = [tree];
    const depths: number[] = [0];
    for (let node = parents.pop(); node !== undefined; node = parents.pop()) {
      const depth = depths.pop() ?? 0;
      if (node.children.length === 0) continue;
      if (depth >= MAX_TREE_DEPTH) throw new TreeTooDeep();
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        parents.push(child);
        depths.push(depth + 1);
      }
    }
  };
}
