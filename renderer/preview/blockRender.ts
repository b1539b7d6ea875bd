/**
 * The preview's incremental render: each block (shared/markdown/blocks.ts) is rendered alone and
 * remembered by its source text, so a keystroke re-renders one block. The result must equal a whole
 * render: heading ids are made unique across the post, so when blocks rendered alone give two
 * elements the same id, the post is rendered whole instead (the ids then count across blocks). A
 * post over the Markdown budget is rendered by blocks too: each block's render applies the budget
 * to that block, and the whole render cuts the post only between such blocks.
 */
import { splitBlocks } from '../../shared/markdown/blocks';
import { notesFirst, type RenderResult } from '../../shared/markdown/render';

/** A render split into blocks: their HTML joined by newlines is the post's HTML. */
export interface BlockResult {
  blocks: string[];
  warnings: string[];
}

/** Renders Markdown by blocks, remembering the blocks of the previous render only. */
export interface BlockRenderer {
  render(markdown: string): BlockResult;
}

const ID_ATTRIBUTE = / id="([^"]*)"/g;

/** A block renderer over `renderWhole` (the shared pipeline, with this post's options). */
export function createBlockRenderer(renderWhole: (markdown: string) => RenderResult): BlockRenderer {
  let remembered = new Map<string, RenderResult>();
  const whole = (markdown: string): BlockResult => {
    remembered = new Map();
    const result = renderWhole(markdown);
    return { blocks: result.html === '' ? [] : [result.html], warnings: result.warnings };
  };
  return {
    render(markdown) {
      const sources = splitBlocks(markdown);
      if (sources === null || sources.length <= 1) return whole(markdown);
      const next = new Map<string, RenderResult>();
      const results = sources.map((source) => {
        const result = next.get(source) ?? remembered.get(source) ?? renderWhole(source);
        next.set(source, result);
        return result;
      });
      remembered = next;
      const blocks = results.map((result) => result.html).filter((html) => html !== '');
      if (hasDuplicateIds(blocks)) return whole(markdown);
      return { blocks, warnings: notesFirst(results.flatMap((result) => result.warnings)) };
    },
  };
}

function hasDuplicateIds(blocks: string[]): boolean {
  const seen = new Set<string>();
  for (const html of blocks) {
    for (const match of html.matchAll(ID_ATTRIBUTE)) {
      const id = match[1] ?? '';
      if (seen.has(id)) return true;
      seen.add(id);
    }
  }
  return false;
}
