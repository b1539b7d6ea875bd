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

/**
 * A render that can be done a few blocks at a time (the preview's worker gives way to typing
 * between them, ./renderLoop.ts). Nothing is remembered until the last block is rendered.
 */
export interface BlockJob {
  /** Renders blocks until `deadline` (a `performance.now()` time) has passed: the result once all are done, else null. */
  step(deadline: number): BlockResult | null;
  /** Characters of Markdown still to render (blocks remembered from the last render cost nothing). */
  readonly remaining: number;
}

/** Runs a job in steps to its end, at once. */
export function runToEnd<T>(job: { step(deadline: number): T | null }): T {
  let result: T | null = null;
  while (result === null) result = job.step(Infinity);
  return result;
}

/** Renders Markdown by blocks, remembering the blocks of the previous render only. */
export interface BlockRenderer {
  render(markdown: string): BlockResult;
  /** The same render, a few blocks per `step`. */
  start(markdown: string): BlockJob;
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
  const start = (markdown: string): BlockJob => {
    const sources = splitBlocks(markdown);
    if (sources === null || sources.length <= 1) {
      let result: BlockResult | null = null;
      return {
        step: () => (result ??= whole(markdown)),
        get remaining() {
          return result === null ? markdown.length : 0;
        },
      };
    }
    const next = new Map<string, RenderResult>();
    const results: RenderResult[] = [];
    let remaining = 0;
    for (const source of new Set(sources)) if (!remembered.has(source)) remaining += source.length;
    let done: BlockResult | null = null;
    const finish = (): BlockResult => {
      remembered = next;
      const blocks = joinedAsWhole(results.map((result) => result.html));
      if (blocks === null || hasDuplicateIds(blocks)) return whole(markdown);
      // A warning given by several blocks (raw HTML <iframe> in two places) is shown once.
      return { blocks, warnings: notesFirst([...new Set(results.flatMap((result) => result.warnings))]) };
    };
    return {
      step(deadline) {
        if (done !== null) return done;
        while (results.length < sources.length) {
          const source = sources[results.length] ?? '';
          let result = next.get(source) ?? remembered.get(source);
          if (result === undefined) {
            result = renderWhole(source);
            remaining -= source.length;
          }
          next.set(source, result);
          results.push(result);
          if (results.length < sources.length && performance.now() >= deadline) return null;
        }
        done = finish();
        remaining = 0;
        return done;
      },
      get remaining() {
        return remaining;
      },
    };
  };
  return { render: (markdown) => runToEnd(start(markdown)), start };
}

/**
 * The blocks' HTML without the empty ones (a comment, which the sanitizer drops), their line
 * breaks kept as a whole render keeps them: it writes a line break between every two blocks, an
 * empty one's too, so each empty block is one more line break beside its neighbour. Null when
 * every block is empty (a render of the whole says what is left).
 */
function joinedAsWhole(htmls: string[]): string[] | null {
  const blocks: string[] = [];
  let before = '';
  for (const html of htmls) {
    if (html !== '') {
      blocks.push(before + html);
      before = '';
    } else if (blocks.length > 0) blocks.push(`${blocks.pop() ?? ''}\n`);
    else before += '\n';
  }
  return blocks.length === 0 ? null : blocks;
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
