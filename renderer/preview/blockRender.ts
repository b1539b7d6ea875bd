/**
 * The preview's incremental render: each block (shared/markdown/blocks.ts) is rendered alone and
 * remembered by its source text, so a keystroke re-renders one block. The result must equal a whole
 * render. Link references and footnotes reach across blocks: each block is parsed with the post's
 * definitions (gathered from the blocks that hold `]:`), its footnote calls are numbered after the
 * calls of the blocks before it, and the post's list of footnotes is one more block at the end. A
 * block is rendered again only when its text, the definitions it looked up or its calls' numbers
 * change. Heading ids are made unique across the post, so when blocks rendered alone give two
 * elements the same id, the post is rendered whole instead (the ids then count across blocks). A
 * post over the Markdown budget is rendered by blocks too: each block's render applies the budget
 * to that block, and the whole render cuts the post only between such blocks.
 */
import type { FootnoteDefinition } from 'mdast';
import { splitBlocks } from '../../shared/markdown/blocks';
import type { FootnoteCalls } from '../../shared/markdown/context';
import { overBudget } from '../../shared/markdown/limits';
import { definitionsIn, postDefinitions, type PostDefinitions } from '../../shared/markdown/parse';
import {
  definitionsFit,
  notesFirst,
  renderBlock,
  renderFootnotes,
  renderMarkdown,
  type BlockRender,
  type RenderOptions,
  type RenderResult,
} from '../../shared/markdown/render';

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

/** The shared pipeline's three renders, with one post's options (./renderBlocks.ts). */
export interface BlockPipeline {
  whole(markdown: string): RenderResult;
  block(markdown: string, definitions: PostDefinitions, before: FootnoteCalls): BlockRender;
  footnotes(notes: FootnoteDefinition[], calls: FootnoteCalls): RenderResult;
}

/** The pipeline of shared/markdown/render.ts with `options`. */
export function blockPipeline(options: RenderOptions): BlockPipeline {
  return {
    whole: (markdown) => renderMarkdown(markdown, options),
    block: (markdown, definitions, before) => renderBlock(markdown, options, definitions, before),
    footnotes: (notes, calls) => renderFootnotes(notes, calls, options),
  };
}

const ID_ATTRIBUTE = / id="([^"]*)"/g;
const NO_DEFINITIONS: PostDefinitions = { links: new Map(), notes: new Set() };

/** A block's render and what it was rendered against. */
interface Remembered {
  result: BlockRender;
  /** The answers of the definitions it looked up (lookupsKey). */
  lookups: string;
  /** Its calls' numbers (Calls.numbers). */
  calls: string;
}

/** The footnote calls of the blocks so far, as remark-rehype numbers them. */
class Calls implements FootnoteCalls {
  readonly order: string[] = [];
  readonly counts = new Map<string, number>();
  private readonly index = new Map<string, number>();
  private copy: FootnoteCalls | null = null;
  /** What a block's render starts from: a copy, the same one until a block adds calls. */
  snapshot(): FootnoteCalls {
    return (this.copy ??= { order: [...this.order], counts: new Map(this.counts) });
  }
  /** The numbers and ids a block's calls get after these (all its HTML shows of them), without counting them. */
  numbers(calls: readonly string[]): string {
    if (calls.length === 0) return '';
    const counts = new Map<string, number>();
    const fresh = new Map<string, number>();
    let key = '';
    for (const id of calls) {
      const count = (counts.get(id) ?? this.counts.get(id) ?? 0) + 1;
      counts.set(id, count);
      let at = this.index.get(id) ?? fresh.get(id);
      if (at === undefined) {
        at = this.order.length + fresh.size;
        fresh.set(id, at);
      }
      key += `${String(at)}.${String(count)} `;
    }
    return key;
  }
  /** Counts a block's calls. */
  add(calls: readonly string[]): void {
    if (calls.length === 0) return;
    this.copy = null;
    for (const id of calls) {
      if (!this.index.has(id)) {
        this.index.set(id, this.order.length);
        this.order.push(id);
      }
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    }
  }
  /** What the list of footnotes depends on. */
  key(): string {
    return this.order.map((id) => `${id}\0${String(this.counts.get(id) ?? 0)}`).join('\0');
  }
}

/** The answers a block's lookups get from `definitions`. */
function lookupsKey(result: BlockRender, definitions: PostDefinitions): string {
  if (result.lookups.links.size === 0 && result.lookups.notes.size === 0) return '';
  let key = '';
  for (const label of result.lookups.links) {
    const found = definitions.links.get(label);
    key += found === undefined ? `${label}\0-\0` : `${label}\0${found.href}\0${found.title}\0`;
  }
  for (const label of result.lookups.notes) key += `${label}\0${definitions.notes.has(label) ? 1 : 0}\0`;
  return key;
}

/** A block renderer over `pipeline` (the shared pipeline, with this post's options). */
export function createBlockRenderer(pipeline: BlockPipeline): BlockRenderer {
  let remembered = new Map<string, Remembered>();
  // The definitions each block with `]:` makes (null: over budget alone, so shown as text).
  let definedBy = new Map<string, ReturnType<typeof definitionsIn> | null>();
  let footnoteList: { holders: BlockRender[]; calls: string; result: RenderResult } | null = null;
  const whole = (markdown: string): BlockResult => {
    remembered = new Map();
    footnoteList = null;
    const result = pipeline.whole(markdown);
    return { blocks: result.html === '' ? [] : [result.html], warnings: result.warnings };
  };
  const wholeJob = (markdown: string): BlockJob => {
    let result: BlockResult | null = null;
    return {
      step: () => (result ??= whole(markdown)),
      get remaining() {
        return result === null ? markdown.length : 0;
      },
    };
  };
  /** The post's definitions from its blocks, or null when its blocks may not share them (definitionsFit). */
  const definitionsOf = (markdown: string, sources: string[]): PostDefinitions | null => {
    if (!markdown.includes(']:')) {
      definedBy = new Map();
      return NO_DEFINITIONS;
    }
    const next = new Map<string, ReturnType<typeof definitionsIn> | null>();
    const pieces = [];
    for (const source of sources) {
      if (!source.includes(']:')) continue;
      let defined = next.get(source) ?? definedBy.get(source);
      if (defined === undefined) defined = overBudget(source) === null ? definitionsIn(source) : null;
      next.set(source, defined);
      if (defined !== null) pieces.push(defined);
    }
    definedBy = next;
    const definitions = postDefinitions(pieces);
    return definitionsFit(definitions, markdown) ? definitions : null;
  };
  const start = (markdown: string): BlockJob => {
    const sources = splitBlocks(markdown);
    if (sources === null || sources.length <= 1) return wholeJob(markdown);
    const definitions = definitionsOf(markdown, sources);
    if (definitions === null) return wholeJob(markdown);
    const next = new Map<string, Remembered>();
    const results: BlockRender[] = [];
    const calls = new Calls();
    let remaining = 0;
    for (const source of new Set(sources)) if (!remembered.has(source)) remaining += source.length;
    let done: BlockResult | null = null;
    const finish = (): BlockResult => {
      remembered = next;
      const notes = results.flatMap((result) => result.notes);
      const htmls = results.filter((result) => !result.definitionsOnly).map((result) => result.html);
      const warnings = results.flatMap((result) => result.warnings);
      if (notes.length > 0 && calls.order.length > 0) {
        const list = footnotesFor(
          results.filter((result) => result.notes.length > 0),
          notes,
          calls,
        );
        if (list.html !== '') htmls.push(list.html);
        warnings.push(...list.warnings);
      } else footnoteList = null;
      const blocks = joinedAsWhole(htmls);
      if (blocks === null || hasDuplicateIds(blocks)) return whole(markdown);
      // A warning given by several blocks (raw HTML <iframe> in two places) is shown once.
      return { blocks, warnings: notesFirst([...new Set(warnings)]) };
    };
    /** The list of footnotes, made again only when a definition or a call's count changed. */
    const footnotesFor = (holders: BlockRender[], notes: FootnoteDefinition[], all: Calls): RenderResult => {
      const key = all.key();
      const same =
        footnoteList !== null &&
        footnoteList.calls === key &&
        footnoteList.holders.length === holders.length &&
        footnoteList.holders.every((holder, i) => holder === holders[i]);
      if (!same || footnoteList === null)
        footnoteList = { holders, calls: key, result: pipeline.footnotes(notes, all) };
      return footnoteList.result;
    };
    return {
      step(deadline) {
        if (done !== null) return done;
        while (results.length < sources.length) {
          const source = sources[results.length] ?? '';
          const known = next.get(source) ?? remembered.get(source);
          let entry: Remembered;
          if (
            known !== undefined &&
            known.lookups === lookupsKey(known.result, definitions) &&
            known.calls === calls.numbers(known.result.calls)
          )
            entry = known;
          else {
            const fresh = rendered(source, definitions, calls.snapshot());
            entry = { ...fresh, calls: calls.numbers(fresh.result.calls) };
          }
          calls.add(entry.result.calls);
          if (entry.result.needsWhole) {
            done = whole(markdown);
            remaining = 0;
            return done;
          }
          next.set(source, entry);
          results.push(entry.result);
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
    function rendered(source: string, against: PostDefinitions, before: FootnoteCalls): Omit<Remembered, 'calls'> {
      const result = pipeline.block(source, against, before);
      if (!remembered.has(source) && !next.has(source)) remaining -= source.length;
      return { result, lookups: lookupsKey(result, against) };
    }
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
