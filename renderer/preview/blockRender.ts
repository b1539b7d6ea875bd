/**
 * The preview's incremental render: each block (shared/markdown/blocks.ts) is rendered alone and
 * remembered by its source text, so a keystroke re-renders one block. The result must equal a whole
 * render. Link references and footnotes reach across blocks: each block is parsed with the post's
 * definitions (gathered from the blocks that hold `]:`), its footnote calls are numbered after the
 * calls of the blocks before it, and the post's list of footnotes is one more block at the end. A
 * block is rendered again only when its text, the definitions it looked up or its calls' numbers
 * change. Heading ids are unique across the post: each block says which ids it holds and which
 * slugs its headings have, the ids are worked out over the whole post as a whole render does, and
 * a block (a second `## Notes`) whose ids differ is rendered again with them. When blocks still
 * give two elements the same id (written twice in raw HTML), the post is rendered whole. A
 * post over the Markdown budget is rendered by blocks too: each block's render applies the budget
 * to that block, and the whole render cuts the post only between such blocks.
 */
import type { FootnoteDefinition } from 'mdast';
import { splitBlocks } from '../../shared/markdown/blocks';
import type { FootnoteCalls, FootnoteOrder } from '../../shared/markdown/context';
import { overBudget } from '../../shared/markdown/limits';
import { uniqueId } from '../../shared/markdown/headings';
import { definitionsIn, postDefinitions, withoutBom, type PostDefinitions } from '../../shared/markdown/parse';
import {
  definitionsFit,
  notesFirst,
  renderBlock,
  renderFootnotes,
  renderMarkdown,
  type BlockRender,
  type BlockSetting,
  type ListSetting,
  type PieceRender,
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
  block(markdown: string, setting: BlockSetting): BlockRender;
  footnotes(notes: FootnoteDefinition[], calls: FootnoteOrder, setting: ListSetting): PieceRender;
}

/** The pipeline of shared/markdown/render.ts with `options`. */
export function blockPipeline(options: RenderOptions): BlockPipeline {
  return {
    whole: (markdown) => renderMarkdown(markdown, options),
    block: (markdown, setting) => renderBlock(markdown, options, setting),
    footnotes: (notes, calls, setting) => renderFootnotes(notes, calls, options, setting),
  };
}

const ID_ATTRIBUTE = / id="([^"]*)"/g;
const NO_DEFINITIONS: PostDefinitions = { links: new Map(), notes: new Set() };
const NO_CALLS: FootnoteCalls = { size: 0, place: () => undefined, count: () => 0 };
/**
 * What may make a post need every step of the pipeline (../../shared/markdown/steps.ts), before its
 * blocks are read: `<br>`, `<hr>`, `<wbr>` (other raw HTML renders the post whole, ../../shared/markdown/blocks.ts).
 */
const MAY_NEED_RAW = /<(?:br|hr|wbr)\b/i;

/** A block's render and what it was rendered against. */
interface Remembered {
  result: BlockRender;
  /** The answers of the definitions it looked up (lookupsKey). */
  lookups: string;
  /** Its calls' numbers (Calls.numbers). */
  calls: string;
  /**
   * The calls before it, as far as its own calls' places and counts (Calls.before), to render it
   * again with other heading ids or steps. Another render whose calls get the same numbers has the same.
   */
  before: FootnoteCalls;
}

/** The footnote calls of the blocks so far, as remark-rehype numbers them. */
class Calls implements FootnoteOrder {
  readonly order: string[] = [];
  private readonly counts = new Map<string, number>();
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.order.length;
  }
  place(id: string): number | undefined {
    return this.index.get(id);
  }
  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }
  /** What a block calling `ids` is rendered with here, kept as it is now: only its own calls' places and counts. */
  before(ids: readonly string[]): FootnoteCalls {
    if (ids.length === 0) return { ...NO_CALLS, size: this.size };
    const places = new Map<string, number | undefined>();
    const counts = new Map<string, number>();
    for (const id of ids) {
      places.set(id, this.place(id));
      counts.set(id, this.count(id));
    }
    return { size: this.size, place: (id) => places.get(id), count: (id) => counts.get(id) ?? 0 };
  }
  /** The numbers and ids a block's calls get after these (all its HTML shows of them), without counting them. */
  numbers(calls: readonly string[]): string {
    if (calls.length === 0) return '';
    const counts = new Map<string, number>();
    const fresh = new Map<string, number>();
    let key = '';
    for (const id of calls) {
      const count = (counts.get(id) ?? this.count(id)) + 1;
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
    for (const id of calls) {
      if (!this.index.has(id)) {
        this.index.set(id, this.order.length);
        this.order.push(id);
      }
      this.counts.set(id, this.count(id) + 1);
    }
  }
  /** What the list of footnotes depends on. */
  key(): string {
    return this.order.map((id) => `${id}\0${String(this.count(id))}`).join('\0');
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

/** One block of a render: its text, which of the equal texts it is, and its render. */
interface Placed {
  source: string;
  occurrence: number;
  entry: Remembered;
}

/** A block renderer over `pipeline` (the shared pipeline, with this post's options). */
export function createBlockRenderer(pipeline: BlockPipeline): BlockRenderer {
  // Each text's renders, one per place it holds in the post (two equal `## Notes` get different ids).
  let remembered = new Map<string, Remembered[]>();
  // The definitions each block with `]:` makes (null: over budget alone, so shown as text).
  let definedBy = new Map<string, ReturnType<typeof definitionsIn> | null>();
  let footnoteList: { holders: BlockRender[]; calls: string; result: PieceRender } | null = null;
  // Whether the last render ran every step on every block (null: none yet).
  let lastRaw: boolean | null = null;
  const whole = (markdown: string): BlockResult => {
    remembered = new Map();
    footnoteList = null;
    lastRaw = null;
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
      // A definition's destination may end in a `\` that escapes the line end after the block.
      if (source.endsWith('\\')) return null;
      let defined = next.get(source) ?? definedBy.get(source);
      if (defined === undefined) defined = overBudget(source) === null ? definitionsIn(source) : null;
      next.set(source, defined);
      if (defined !== null) pieces.push(defined);
    }
    definedBy = next;
    const definitions = postDefinitions(pieces);
    return definitionsFit(definitions, markdown) ? definitions : null;
  };
  const start = (text: string): BlockJob => {
    // A byte order mark is not text: only the post's first character can be one. A whole render
    // is given the text as it is (it drops the mark itself).
    const markdown = withoutBom(text);
    const sources = splitBlocks(markdown);
    if (sources === null || sources.length <= 1) return wholeJob(text);
    const definitions = definitionsOf(markdown, sources);
    if (definitions === null) return wholeJob(text);
    // Every step on every block when any needs them, as a whole render does: guessed, then checked.
    const raw = lastRaw ?? MAY_NEED_RAW.test(markdown);
    const next = new Map<string, Remembered[]>();
    const placed: Placed[] = [];
    const calls = new Calls();
    let remaining = 0;
    for (const source of new Set(sources)) if (!remembered.has(source)) remaining += source.length;
    let done: BlockResult | null = null;
    const render = (place: Placed, setting: Partial<BlockSetting>): void => {
      const result = pipeline.block(place.source, { definitions, before: place.entry.before, raw, ...setting });
      place.entry = { ...place.entry, result };
      const variants = next.get(place.source);
      if (variants !== undefined) variants[place.occurrence] = place.entry;
    };
    /** The list of footnotes, made again only when a definition or a call's count changed. */
    const footnotesFor = (holders: BlockRender[], notes: FootnoteDefinition[], raw: boolean): PieceRender => {
      const key = `${String(raw)}\0${calls.key()}`;
      const same =
        footnoteList !== null &&
        footnoteList.calls === key &&
        footnoteList.holders.length === holders.length &&
        footnoteList.holders.every((holder, i) => holder === holders[i]);
      if (!same || footnoteList === null)
        footnoteList = { holders, calls: key, result: pipeline.footnotes(notes, calls, { raw }) };
      return footnoteList.result;
    };
    const finish = (): BlockResult => {
      remembered = next;
      // Every step on every block, or none, as the whole post needs.
      const needsRaw = placed.some(({ entry }) => entry.result.needsRaw);
      lastRaw = needsRaw;
      for (const place of placed) if (place.entry.result.raw !== needsRaw) render(place, { raw: needsRaw });
      const results = placed.map(({ entry }) => entry.result);
      const notes = results.flatMap((result) => result.notes);
      let list: PieceRender | null = null;
      if (notes.length > 0 && calls.size > 0) {
        list = footnotesFor(
          results.filter((result) => result.notes.length > 0),
          notes,
          needsRaw,
        );
      } else footnoteList = null;
      // Heading ids as the whole post gives them: no heading takes an id written anywhere in it,
      // and each takes the first free one in order. A piece whose ids differ is rendered with them.
      const seen = new Set<string>();
      for (const result of results) for (const id of result.headings.explicit) seen.add(id);
      for (const id of list?.headings.explicit ?? []) seen.add(id);
      const taken = new Map<string, number>();
      for (const place of placed) {
        const ids = place.entry.result.headings.slugs.map((slug) => uniqueId(slug, seen, taken));
        if (!sameIds(ids, place.entry.result.headings.ids)) render(place, { raw: needsRaw, headingIds: ids });
      }
      if (list !== null && footnoteList !== null) {
        const ids = list.headings.slugs.map((slug) => uniqueId(slug, seen, taken));
        if (!sameIds(ids, list.headings.ids))
          list = footnoteList.result = pipeline.footnotes(notes, calls, { raw: needsRaw, headingIds: ids });
      }
      const pieces: PieceRender[] = placed
        .filter(({ entry }) => !entry.result.definitionsOnly)
        .map(({ entry }) => entry.result);
      if (list !== null && list.html !== '') pieces.push(list);
      const blocks = joinedAsWhole(pieces.map((piece) => piece.html));
      if (blocks === null || hasDuplicateIds(blocks)) return whole(text);
      // A warning given by several blocks (raw HTML <iframe> in two places) is shown once.
      return { blocks, warnings: notesFirst([...new Set(pieces.flatMap((piece) => piece.warnings))]) };
    };
    return {
      step(deadline) {
        if (done !== null) return done;
        while (placed.length < sources.length) {
          const source = sources[placed.length] ?? '';
          const variants = next.get(source) ?? [];
          next.set(source, variants);
          const earlier = remembered.get(source);
          const known = earlier?.[variants.length] ?? earlier?.[0];
          let entry: Remembered;
          if (
            known !== undefined &&
            known.result.raw === (raw || known.result.needsRaw) &&
            known.lookups === lookupsKey(known.result, definitions) &&
            known.calls === calls.numbers(known.result.calls)
          )
            entry = known;
          else {
            // Rendered at once, before any call is added: the live calls are what came before it.
            const result = pipeline.block(source, { definitions, before: calls, raw });
            if (earlier === undefined && variants.length === 0) remaining -= source.length;
            const lookups = lookupsKey(result, definitions);
            entry = { result, lookups, calls: calls.numbers(result.calls), before: calls.before(result.calls) };
          }
          if (entry.result.needsWhole) {
            done = whole(text);
            remaining = 0;
            return done;
          }
          placed.push({ source, occurrence: variants.length, entry });
          variants.push(entry);
          calls.add(entry.result.calls);
          if (placed.length < sources.length && performance.now() >= deadline) return null;
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

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
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
