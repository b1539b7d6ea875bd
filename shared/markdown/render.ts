/**
 * The one Markdown pipeline: the editor's preview and the HTML export both parse with
 * parseMarkdown (./parse.ts) and render the tree through MARKDOWN_PLUGINS, so what the author
 * previews is what gets published, and the same sanitizer guards both. Math (`$…$`) and mermaid
 * blocks are deliberately NOT rendered: they show as text and code, because their renderers
 * execute or inject markup we would have to trust.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { FootnoteDefinition, Paragraph, Root as MdastRoot } from 'mdast';
import { unified, type PluggableList } from 'unified';
import { defaultHandlers } from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { CONTEXT_KEY, type FootnoteCalls, type FootnoteOrder, type RenderContext } from './context';
import { rehypeDepthLimit } from './depth';
import { rehypeHeadingIds } from './headings';
import { fenceLanguage, rehypeHighlightCode } from './highlight';
import { blankLineParts, budgetParts, MAX_REFERENCE_COPIES, type BudgetPart } from './limits';
import { SANITIZE_SCHEMA } from './schema';
import { rehypeSerialize } from './serialize';
import {
  definitionsIn,
  parseMarkdown,
  postDefinitions,
  withoutBom,
  type PostDefinitions,
  type SharedDefinitions,
} from './parse';
import { rehypeUrlPolicy } from './url-policy';
import { stepsFor } from './steps';
import { footnotesIn, remarkRehypeLean } from './to-hast';
import { mayHoldTemplateSyntax, TEMPLATE_NOTES, templateNotes } from './template';

/** How a render treats images. */
export interface RenderOptions {
  /**
   * Maps a relative image path (as written in the post) to a URL the output may load: a relative
   * or path-absolute URL, an http(s) URL or a raster base64 data: URI. Null drops the image and
   * keeps its alt text. Without a resolver, relative paths are kept as written.
   */
  resolveImage?: (src: string) => string | null;
  /**
   * Maps a relative link (as written, e.g. `other-post.md` or `/blog/other`) to the URL the output
   * should use, or null to keep it as written. The answer is held to the link policy again.
   */
  resolveLink?: (href: string) => string | null;
  /** 'keep' (default) loads remote images; 'placeholder' shows a labelled box instead. */
  remoteImages?: 'keep' | 'placeholder';
}

/** Rendered HTML, safe to insert into a page, and notes about what was removed. */
export interface RenderResult {
  html: string;
  warnings: string[];
}

/**
 * The plugin list after the parse (an mdast tree in, HTML out), in order. rehype-sanitize is last
 * before the HTML writer: nothing that runs after it could reintroduce markup. Footnote ids are
 * left unprefixed by remark-rehype because the sanitizer prefixes every id (and the URL policy
 * every `#anchor`) with `user-content-`. The writer (./serialize.ts) writes what rehype-stringify
 * would, with `<` and `>` inside attribute values escaped too (./attributes.ts).
 */
export const MARKDOWN_PLUGINS: PluggableList = [
  // remark-rehype, finding the definitions by a cheaper walk (./to-hast.ts).
  [remarkRehypeLean, { allowDangerousHtml: true, clobberPrefix: '', handlers: { code, listItem, footnoteReference } }],
  [rehypeRaw],
  // Before any walker that recurses: a tree too deep for one thread's stack is refused in every thread.
  [rehypeDepthLimit],
  [rehypeHeadingIds],
  // Only fenced code with a known language is highlighted; unknown ones stay plain (no throw).
  [rehypeHighlightCode],
  [rehypeUrlPolicy],
  [rehypeSanitize, SANITIZE_SCHEMA],
  [rehypeSerialize],
];

/** remark-rehype's fenced code, its language read as site generators write it (./highlight.ts fenceLanguage). */
function code(...[state, node]: Parameters<typeof defaultHandlers.code>): ReturnType<typeof defaultHandlers.code> {
  if (node.lang === null || node.lang === undefined) return defaultHandlers.code(state, node);
  const lang = fenceLanguage(node.lang, node.meta);
  return defaultHandlers.code(state, lang === node.lang ? node : { ...node, lang });
}

/**
 * remark-rehype's list item, told its looseness by the item: the stock handler asks the parent
 * list, which looks through every item, for each item (quadratic: a 256 KB tight list took 13 s).
 * parseMarkdown gives every item its list's looseness (`spread`), so the answer is the same.
 */
function listItem(
  ...[state, node]: Parameters<typeof defaultHandlers.listItem>
): ReturnType<typeof defaultHandlers.listItem> {
  const item = defaultHandlers.listItem(state, node, undefined);
  nameTaskCheckbox(item);
  return item;
}

/**
 * remark-rehype's footnote call, its link marked `data-footnote-ref=""` as the HTML parser
 * (rehype-raw) reads back the stock `true`: a post with footnotes renders the same whether or not
 * it runs that parser (./steps.ts), so a call alone does not send the whole post through it.
 */
function footnoteReference(
  ...[state, node]: Parameters<typeof defaultHandlers.footnoteReference>
): ReturnType<typeof defaultHandlers.footnoteReference> {
  const sup = defaultHandlers.footnoteReference(state, node);
  for (const child of sup.children) if (child.type === 'element') child.properties.dataFootnoteRef = '';
  return sup;
}

/**
 * A task's checkbox gets a name, which a form control must have (axe's `label` rule): its state,
 * "Done" or "Not done", read before the task's own text. A `<label>` around the text, or
 * aria-labelledby, would need markup or ids the sanitizer rewrites; the schema allows exactly
 * these two aria-label values on a checkbox. The handler puts the box first in the item, or
 * first in its paragraph when the list is loose.
 */
function nameTaskCheckbox(item: Element): void {
  const first = item.children.find((child) => child.type === 'element');
  const box = first?.tagName === 'p' ? first.children[0] : first;
  if (box?.type !== 'element' || box.tagName !== 'input') return;
  box.properties.ariaLabel = box.properties.checked === true ? 'Done' : 'Not done';
}

/**
 * The same pipeline without the steps a tree may not need, chosen per render (./steps.ts): rehype-raw
 * re-parses every tree through an HTML parser, highlighting walks every element. Each
 * variant gives byte-identical HTML on the trees it is chosen for
 * (electron/node/security/budget-parts.test.ts renders every post both ways).
 */
const processors = {
  full: unified().use(MARKDOWN_PLUGINS).freeze(),
  highlight: unified().use(without(rehypeRaw)).freeze(),
  plain: unified().use(without(rehypeRaw, rehypeHighlightCode)).freeze(),
};

function without(...plugins: unknown[]): PluggableList {
  return MARKDOWN_PLUGINS.filter((entry) => !Array.isArray(entry) || !plugins.includes(entry[0]));
}

/**
 * Renders a post body to sanitized HTML, synchronously. `steps: 'every'` runs every step of the
 * pipeline whatever the tree needs: the reference the shortcuts of ./steps.ts are checked against.
 */
export function renderMarkdown(
  markdown: string,
  options: RenderOptions = {},
  steps: 'fewest' | 'every' = 'fewest',
): RenderResult {
  const context = contextFor(options);
  // A byte order mark is not text (micromark drops it too); only the post's first character can be one.
  const text = withoutBom(markdown);
  const parts = budgetParts(text) ?? [{ text, tooComplex: null }];
  // Parts are parsed apart, each given the definitions of every part, so a call in one part finds
  // its definition in another, unless sharing them could copy more than the budget allows.
  let shared: SharedDefinitions | undefined;
  if (parts.length > 1) {
    shared = sharedFor(parts, text);
    if (shared === undefined && text.includes(']:')) context.warnings.push(PARTS_NOTE);
  }
  const html = renderParts(parts, context, steps === 'every', shared);
  return { html, warnings: notesFirst(context.warnings) };
}

/** The definitions the parts of `text` may share (definitionsFit), if it has any. */
function sharedFor(parts: BudgetPart[], text: string): SharedDefinitions | undefined {
  if (!text.includes(']:')) return undefined;
  const definitions = definitionsOfPieces(parts.filter((part) => part.tooComplex === null).map((part) => part.text));
  return definitionsFit(definitions, text) ? { definitions } : undefined;
}

function contextFor(options: RenderOptions): RenderContext {
  const context: RenderContext = { remoteImages: options.remoteImages ?? 'keep', warnings: [] };
  if (options.resolveImage !== undefined) context.resolveImage = options.resolveImage;
  if (options.resolveLink !== undefined) context.resolveLink = options.resolveLink;
  return context;
}

/** The definitions of a post from its pieces' (blocks or parts) texts in order. */
export function definitionsOfPieces(texts: Iterable<string>): PostDefinitions {
  const pieces = [];
  for (const text of texts) if (text.includes(']:')) pieces.push(definitionsIn(text));
  return postDefinitions(pieces);
}

/**
 * Whether a post's pieces may share its definitions: each use of a reference copies its
 * destination and title, and a piece's budget (./limits.ts) counted its own definitions only.
 * Bounded as the budget bounds a whole text: the longest definition times the text's `]`.
 */
export function definitionsFit(definitions: PostDefinitions, markdown: string): boolean {
  let longest = 0;
  for (const { href, title } of definitions.links.values()) longest = Math.max(longest, href.length + title.length);
  // Each use has a `]`: a text shorter than the budget over the longest has too few to count.
  if (longest * markdown.length <= MAX_REFERENCE_COPIES) return true;
  let closers = 0;
  for (let at = markdown.indexOf(']'); at !== -1; at = markdown.indexOf(']', at + 1)) closers += 1;
  return longest * closers <= MAX_REFERENCE_COPIES;
}

/** The ids a piece of a post holds and gave its headings (./headings.ts), to make them unique over the post. */
export interface HeadingIds {
  /** Ids written in it (raw HTML, footnotes), which no heading may take. */
  explicit: string[];
  /** Its headings without an id, in order: their slugs and the ids they were given. */
  slugs: string[];
  ids: string[];
}

/** A piece's render, with the ids it holds and gave. */
export interface PieceRender extends RenderResult {
  headings: HeadingIds;
}

/** One block of a post rendered alone, as it renders within the whole post (the preview's incremental render). */
export interface BlockRender extends PieceRender {
  /** Nothing in the flow, definitions only: a whole render gives it no place, not even a line break. */
  definitionsOnly: boolean;
  /** The labels it looked up in the post's definitions: its HTML depends on their answers only. */
  lookups: { links: Set<string>; notes: Set<string> };
  /** Its footnote calls in order (upper-case identifiers, as remark-rehype counts them), outside footnote definitions. */
  calls: string[];
  /** Its footnote definitions, for the post's list of footnotes (renderFootnotes). */
  notes: FootnoteDefinition[];
  /** It fell back to parts rendered apart (a tree too deep), as the whole post then does: only a whole render is right. */
  needsWhole: boolean;
  /** It ran every step, rehype-raw too (`raw`), and whether its own tree needs them (raw HTML). */
  raw: boolean;
  needsRaw: boolean;
}

/** What the list of a post's footnotes is rendered with: as its blocks, every step or the fewest, and its headings' ids. */
export type ListSetting = Pick<BlockSetting, 'raw' | 'headingIds'>;

/** What one block of a post is rendered with, beside its text. */
export interface BlockSetting {
  /** The post's definitions (definitionsOfPieces). */
  definitions: PostDefinitions;
  /** The footnotes called in the blocks before it. */
  before: FootnoteCalls;
  /** Every step, rehype-raw too: a whole render runs them all on every block when any block needs them. */
  raw: boolean;
  /** Its headings' ids, worked out over the post; else ids unique within the block. */
  headingIds?: readonly string[];
}

/**
 * Renders one block of a post (./blocks.ts; not its first character, a byte order mark, which is
 * not text) as the whole post renders it: link references and footnote calls resolved against
 * the post's definitions, its calls numbered after the calls before it, no list of footnotes
 * (renderFootnotes gives the post's).
 */
export function renderBlock(markdown: string, options: RenderOptions, setting: BlockSetting): BlockRender {
  const context = contextFor(options);
  const headings = headingsOf(context, setting.headingIds);
  const lookups = { links: new Set<string>(), notes: new Set<string>() };
  const parts = budgetParts(markdown) ?? [{ text: markdown, tooComplex: null }];
  const shared = { definitions: setting.definitions, lookups };
  const calls: string[] = [];
  const notes: FootnoteDefinition[] = [];
  let definitionsOnly = true;
  let needsRaw = false;
  // Each tree is read before it runs: the converter is given its calls (one tree but for a fallback).
  const footnotes = { before: setting.before, list: false as const, calls: [] as readonly string[] };
  context.footnotes = footnotes;
  const html = renderParts(parts, context, setting.raw, shared, (tree) => {
    const found = footnotesIn(tree);
    footnotes.calls = found.calls;
    // One by one: a block may call a footnote more times than a spread's arguments may hold.
    for (const call of found.calls) calls.push(call);
    for (const note of found.notes) notes.push(note);
    if (tree.children.some((node) => node.type !== 'footnoteDefinition')) definitionsOnly = false;
    if (stepsFor(tree) === 'full') needsRaw = true;
  });
  // Parts rendered apart number their own footnotes and ids, and so does a whole render that
  // falls back so: only a whole render of the post is right then.
  const needsWhole = context.renderedApart === true;
  const raw = setting.raw || needsRaw;
  const warnings = notesFirst(context.warnings);
  return { html, warnings, headings, definitionsOnly, lookups, calls, notes, needsWhole, raw, needsRaw };
}

/** Where a piece's render notes its ids (./headings.ts). */
function headingsOf(context: RenderContext, given: readonly string[] | undefined): HeadingIds {
  const headings: HeadingIds = { explicit: [], slugs: [], ids: [] };
  context.headings = given === undefined ? headings : { ...headings, given };
  return headings;
}

/**
 * The list of footnotes of a post rendered by blocks: its definitions (in order) after all of its
 * calls, as a whole render ends. Empty when no call has a definition.
 */
export function renderFootnotes(
  notes: FootnoteDefinition[],
  calls: FootnoteOrder,
  options: RenderOptions,
  setting: ListSetting,
): PieceRender {
  const context = contextFor(options);
  context.footnotes = { before: calls, list: true };
  const headings = headingsOf(context, setting.headingIds);
  // The steps the post's blocks ran (their trees hold these definitions): every step when any needs them.
  const html = runTree({ type: 'root', children: notes }, context, setting.raw);
  // The converter puts a line break before the list; a whole render's blocks are joined by one.
  return { html: html.startsWith('\n') ? html.slice(1) : html, warnings: notesFirst(context.warnings), headings };
}

/**
 * Renders the parts of a text as one document: each part is parsed alone (so the parser's cost
 * stays within budget), the rest of the pipeline runs once over the joined tree, so heading ids
 * are unique across parts and footnotes are numbered and listed once. The notes of the parts
 * shown as text come first in the warnings. `parsed` sees each tree run.
 */
function renderParts(
  parts: BudgetPart[],
  context: RenderContext,
  everyStep: boolean,
  shared?: SharedDefinitions,
  parsed?: (tree: MdastRoot) => void,
): string {
  const before = context.warnings.length;
  try {
    const children = parts.flatMap((part) => {
      if (part.tooComplex !== null) return [textNode(part.text, part.tooComplex, context)];
      const parsed = parseMarkdown(part.text, shared, true);
      if (mayHoldTemplateSyntax(part.text)) {
        for (const note of templateNotes(parsed)) if (!context.warnings.includes(note)) context.warnings.push(note);
      }
      return parsed.children;
    });
    const tree: MdastRoot = { type: 'root', children };
    parsed?.(tree);
    return runTree(tree, context, everyStep);
  } catch (error) {
    // Deep raw-HTML nesting (refused at MAX_TREE_DEPTH, before the recursive walkers overflow), or
    // containers deeper than the parser reads (./parse.ts): show the text instead.
    if (!(error instanceof RangeError)) throw error;
    context.warnings.length = before;
    context.renderedApart = true;
    if (parts.length > 1) {
      const html = parts.map((part) => renderParts([part], context, everyStep, shared, parsed));
      return html.filter((h) => h !== '').join('\n');
    }
    const text = parts[0]?.text ?? '';
    // One text: only its too-deep stretch between blank lines is shown as text, the rest as
    // Markdown, its pieces given the text's definitions as the parts of a long post are.
    const pieces = blankLineParts(text);
    if (pieces.length > 1) return renderParts(pieces, context, everyStep, shared ?? sharedFor(pieces, text), parsed);
    const tree: MdastRoot = { type: 'root', children: [textNode(text, 'it is nested too deeply to render', context)] };
    parsed?.(tree);
    return runTree(tree, context);
  }
}

function runTree(tree: MdastRoot, context: RenderContext, everyStep = false): string {
  const processor = processors[everyStep ? 'full' : stepsFor(tree)];
  return String(processor.stringify(processor.runSync(tree, { data: { [CONTEXT_KEY]: context } })));
}

/** The note shown (in the preview and the export alike) above a part shown as text. */
export const TOO_COMPLEX_NOTE = 'This part is too complex to preview safely and is shown as text';

/**
 * Said of a text cut into parts (./limits.ts budgetParts) whose parts cannot share its definitions
 * (definitionsFit): a definition longer than the budget allows copying to every use.
 */
export const PARTS_NOTE =
  'This post is long enough to be read in parts: a footnote or reference link whose definition is in another part is shown as written.';

/** A part over budget: its text under a visible note that says why (the sanitizer keeps both). */
function textNode(text: string, reason: string, context: RenderContext): Paragraph {
  const note = `${TOO_COMPLEX_NOTE}: ${reason}.`;
  context.warnings.push(note);
  // The HTML parser drops a newline right after <pre>: a text that starts with one gets a spare.
  const body = text.startsWith('\n') ? `\n${text}` : text;
  const hChildren: ElementContent[] = [
    element('p', { role: 'note' }, [element('em', {}, [{ type: 'text', value: note }])]),
    element('pre', {}, [{ type: 'text', value: body }]),
  ];
  return { type: 'paragraph', children: [], data: { hName: 'div', hChildren } };
}

/**
 * Warnings in the order a render gives them: the notes of parts shown as text first, then those
 * of generators' syntax (./template.ts, in their fixed order), then the rest, each group in order.
 */
export function notesFirst(warnings: string[]): string[] {
  const isNote = (warning: string): boolean => warning.startsWith(TOO_COMPLEX_NOTE);
  const template = new Set<string>(TEMPLATE_NOTES);
  return [
    ...warnings.filter(isNote),
    ...TEMPLATE_NOTES.filter((note) => warnings.includes(note)),
    ...warnings.filter((warning) => !isNote(warning) && !template.has(warning)),
  ];
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
