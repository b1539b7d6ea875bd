/**
 * Markdown (CommonMark and GFM) to an mdast tree, the first step of the one pipeline (./render.ts).
 * markdown-it reads the text (30× faster than remark-parse on the benchmark's posts, bench/README.md
 * round 9), and its tokens become the nodes remark-parse with remark-gfm gave, so every later step
 * (raw HTML, heading ids, highlighting, the URL policy, the sanitizer) is unchanged. The two read
 * alike on every CommonMark spec example but one, on GFM's constructs and on every corpus post
 * (./parse.test.ts, electron/node/export/parser.test.ts). Links are neither normalised nor refused
 * here: the URL policy and the sanitizer decide, as they did.
 */
import MarkdownIt, { type Options } from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import markdownItFootnote from 'markdown-it-footnote';
import type {
  List,
  ListItem,
  Nodes,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false, breaks: false });
// Its types describe markdown-it's CommonJS build; the plugin is the same function either way.
md.use(markdownItFootnote as unknown as (instance: MarkdownIt) => void);
// `^[inline]` footnotes are not GFM: left as text, as GitHub does. The definitions stay where
// they were written (remark-rehype numbers, orders and lists them, and drops unused ones).
md.disable(['footnote_inline', 'footnote_tail']);
// GFM's strikethrough: `~one~` or `~~two~~`, closed by a run as long; three or more are text.
md.inline.ruler.at('strikethrough', strikethrough);
md.inline.ruler2.at('strikethrough', pairStrikethrough);
// GFM's literal URLs (`www.…`, `http(s)://…`) are found as the text is read, before emphasis:
// `https://x.org/__init__.py` is one link, not a link around bold "init". E-mail addresses
// (and what the reader leaves) are found on the tree afterwards, as remark-gfm does.
md.inline.ruler.at('text', textUntilUrl);
md.inline.ruler.after('text', 'gfm_url', literalUrl);
// markdown-it silently drops the rest of a container nested this deep (the preset says 100).
// The budget (./limits.ts) shows deeper containers as text first, and a text that still gets
// here is refused as too deep (parseMarkdown), never rendered with its end missing.
const MAX_LEVEL = 200;
md.set({ maxNesting: MAX_LEVEL } as Options);
// The destination as written (escapes and references decoded): remark-rehype encodes it, the URL policy judges it.
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;
md.validateLink = () => true;

const [autolinkLiterals] = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/**
 * The mdast tree of `markdown`. Only for text within the budget of ./limits.ts (renderMarkdown
 * cuts it so): markdown-it alone is quadratic on shapes the budget refuses. Throws a RangeError
 * for a text nested deeper than markdown-it reads.
 */
export function parseMarkdown(markdown: string, shared?: SharedDefinitions, keepBom = false): Root {
  const tokens = md.parse(keepBom ? markdown : withoutBom(markdown), envFor(shared));
  // A block opened at the last level: markdown-it skipped what was inside it.
  if (tokens.some((token) => token.level >= MAX_LEVEL - 1)) throw new RangeError('Markdown nested too deeply');
  const root: Root = { type: 'root', children: [] };
  blocks(tokens, root);
  // remark-gfm's own transform: www., http(s):// and e-mail addresses in text become links. It
  // costs more than the rest of the parse, so it runs only on the blocks with a text it could
  // change (it reads each text alone, so a block is read as it would be in the whole tree).
  for (const block of root.children) {
    if (hasText(block, MAY_LINK)) autolinkLiterals?.({ type: 'root', children: [block] });
  }
  return root;
}

/** The text without a byte order mark at its start, which is not text (micromark drops it too). */
export function withoutBom(markdown: string): string {
  return markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
}

/** A link reference definition as markdown-it keeps it (`env.references`). */
export interface LinkDefinition {
  href: string;
  title: string;
}

/**
 * The definitions of a whole post, for parsing a piece of it (a block of the preview, a part of a
 * post over budget) as the whole post's parse reads it: link references under markdown-it's
 * normalized label, footnotes under footnoteLabels()' key. The first definition of a label wins.
 */
export interface PostDefinitions {
  links: ReadonlyMap<string, LinkDefinition>;
  notes: ReadonlySet<string>;
}

/**
 * A piece's parse given the post's definitions, and where it notes the labels it looked up: its
 * tree depends on the definitions of those labels only (defined or not, and where they point).
 */
export interface SharedDefinitions {
  definitions: PostDefinitions;
  lookups?: { links: Set<string>; notes: Set<string> };
}

/**
 * The definitions a piece of a post makes, in the order written: markdown-it's block pass alone, no
 * inline parse. A byte order mark is text here: only the post's first character is not (its caller drops it).
 */
export function definitionsIn(markdown: string): { links: [string, LinkDefinition][]; notes: string[] } {
  const env = { footnotes: { refs: footnoteLabels() }, references: {} as Record<string, LinkDefinition> };
  // What markdown-it's core does before its block pass (rules_core/normalize).
  const text = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  md.block.parse(text, md, env, []);
  return { links: Object.entries(env.references), notes: Object.keys(env.footnotes.refs) };
}

/** The definitions of a post from those of its pieces in order: the first of each label wins, as in one parse. */
export function postDefinitions(pieces: Iterable<ReturnType<typeof definitionsIn>>): PostDefinitions {
  const links = new Map<string, LinkDefinition>();
  const notes = new Set<string>();
  for (const piece of pieces) {
    for (const [label, definition] of piece.links) if (!links.has(label)) links.set(label, definition);
    for (const label of piece.notes) notes.add(label);
  }
  return { links, notes };
}

/** The environment of one parse: its own tables, or tables that read the post's definitions first. */
function envFor(shared: SharedDefinitions | undefined): object {
  if (shared === undefined) return { footnotes: { refs: footnoteLabels() } };
  const { definitions, lookups } = shared;
  // The post's definition of a label comes first: a piece's own definitions are in it already,
  // unless an earlier one won. markdown-it only adds a label it does not find.
  const references = new Proxy<Record<string | symbol, unknown>>(
    {},
    {
      get: (own, label) => {
        if (typeof label !== 'string') return own[label];
        lookups?.links.add(label);
        return definitions.links.get(label) ?? own[label];
      },
    },
  );
  return { references, footnotes: { refs: footnoteLabels(definitions.notes, lookups?.notes) } };
}

/** What every pattern of the autolink-literal transform needs in a text: `@`, `http(s)://` or `www.`. */
const MAY_LINK = /@|https?:\/\/|www\./i;

/** Whether any text node of `root` matches `pattern`. */
function hasText(root: Nodes, pattern: RegExp): boolean {
  // A stack, not recursion: a tree may be deep.
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text' && pattern.test(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

type Open = { node: Parent; close: string };

/** Block tokens into `root`. */
function blocks(tokens: Token[], root: Root): void {
  const stack: Open[] = [{ node: root, close: '' }];
  const top = (): Open => stack[stack.length - 1] as Open;
  const add = (node: RootContent): void => {
    top().node.children.push(node);
  };
  const open = (node: Parent & RootContent, close: string): void => {
    add(node);
    stack.push({ node, close });
  };
  // The inline content of the block opened at `at` (markdown-it puts it in the next token).
  const content = (at: number): PhrasingContent[] => phrasing(tokens[at + 1]?.children ?? []);
  let cells: Table['align'] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.nesting === -1) {
      if (token.type === top().close) {
        const done = stack.pop() as Open;
        if (done.node.type === 'list') finishList(done.node as List);
      }
      continue;
    }
    switch (token.type) {
      case 'paragraph_open': {
        add({ type: 'paragraph', children: content(i) });
        // markdown-it hides the paragraphs of a tight list.
        const item = top().node;
        if (item.type === 'listItem' && !token.hidden) (item as ListItem).spread = true;
        break;
      }
      case 'heading_open': {
        const depth = Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6;
        add({ type: 'heading', depth, children: content(i) });
        break;
      }
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] }, 'blockquote_close');
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(token.attrGet('start') ?? '1') : null;
        open({ type: 'list', ordered, start, spread: false, children: [] }, token.type.replace('_open', '_close'));
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] }, 'list_item_close');
        break;
      case 'code_block':
        add({ type: 'code', lang: null, meta: null, value: withoutFinalNewline(token.content) });
        break;
      case 'fence': {
        const info = md.utils.unescapeAll(token.info).trim();
        const space = info.search(/[ \t]/);
        const lang = space === -1 ? info : info.slice(0, space);
        const meta = space === -1 ? '' : info.slice(space).trim();
        add({
          type: 'code',
          lang: lang === '' ? null : lang,
          meta: meta === '' ? null : meta,
          value: withoutFinalNewline(token.content),
        });
        break;
      }
      case 'hr':
        add({ type: 'thematicBreak' });
        break;
      case 'html_block':
        add({ type: 'html', value: withoutFinalNewline(token.content) });
        break;
      case 'table_open':
        cells = [];
        open({ type: 'table', align: cells, children: [] }, 'table_close');
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] }, 'tr_close');
        break;
      case 'th_open':
      case 'td_open': {
        const cell: TableCell = { type: 'tableCell', children: content(i) };
        if (token.type === 'th_open') cells.push(alignOf(token.attrGet('style')));
        (top().node as TableRow).children.push(cell);
        break;
      }
      case 'footnote_reference_open': {
        const label = footnoteLabel(token);
        open(
          { type: 'footnoteDefinition', identifier: normalizeIdentifier(label).toLowerCase(), label, children: [] },
          'footnote_reference_close',
        );
        break;
      }
      default:
        // thead and tbody have no node of their own; a block's inline token was read with it.
        break;
    }
  }
}

/** A list is spread (loose) when any of its items is: CommonMark's tightness is the whole list's. */
function finishList(list: List): void {
  const loose = list.children.some((item) => item.spread === true);
  list.spread = loose;
  for (const item of list.children) {
    item.spread = loose;
    taskItem(item);
  }
}

/** GFM's task list item: `[ ]`, `[x]` or `[X]` then whitespace, first in the item's first paragraph. */
function taskItem(item: ListItem): void {
  const head = item.children[0];
  if (head?.type !== 'paragraph') return;
  const text = head.children[0];
  if (text?.type !== 'text') return;
  const match = /^\[([ \t\nxX])\](?=[ \t\n])/.exec(text.value);
  if (match === null) return;
  const rest = text.value.slice(match[0].length);
  // Something must follow the check's whitespace: only spaces to the paragraph's end is no task.
  if (/^[ \t]*$/.test(rest) && head.children.length === 1) return;
  item.checked = match[1] === 'x' || match[1] === 'X';
  // The whitespace right after the check goes with it (remark does the same).
  const after = rest.slice(1);
  if (after === '') head.children.shift();
  else text.value = after;
}

/**
 * markdown-it-footnote's table of defined labels (`env.footnotes.refs`, keyed `:label`), matched
 * as GFM matches them: case and runs of whitespace do not count (`[^Note]` calls `[^note]:`).
 */
function footnoteLabels(shared?: ReadonlySet<string>, lookups?: Set<string>): Record<string, unknown> {
  const key = (name: string | symbol): string | symbol =>
    typeof name === 'string' ? normalizeIdentifier(name).toUpperCase() : name;
  return new Proxy<Record<string | symbol, unknown>>(
    {},
    {
      get: (table, name) => {
        const label = key(name);
        if (shared === undefined || typeof label !== 'string') return table[label];
        lookups?.add(label);
        // markdown-it-footnote asks whether a label is defined: -1 is its "defined, not yet called".
        return table[label] ?? (shared.has(label) ? -1 : undefined);
      },
      set: (table, name, value: unknown) => {
        table[key(name)] = value;
        return true;
      },
    },
  );
}

// Two delimiter markers, so markdown-it pairs a run only with a run of the same length.
const ONE_TILDE = 0x7e;
const TWO_TILDES = 0x7e7e;

/** A run of one or two `~` becomes a delimiter (its text until paired); a longer run is text. */
function strikethrough(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== 0x7e) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = '~'.repeat(scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? ONE_TILDE : TWO_TILDES,
      // Zero turns off emphasis's "rule of three" in the pairing.
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

/**
 * markdown-it's text rule (a run of characters no other rule starts at), also stopping where a
 * literal URL may start, so literalUrl is tried there.
 */
const TEXT_STOP = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]|https?:\/\/|www\./gi;

function textUntilUrl(state: StateInline, silent: boolean): boolean {
  TEXT_STOP.lastIndex = state.pos;
  const stop = TEXT_STOP.exec(state.src)?.index ?? state.posMax;
  const end = Math.min(stop, state.posMax);
  if (end === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}

const PROTOCOL = /^https?:\/\//i;
const WWW = /^www\./i;

/** A GFM literal URL at state.pos (the extended autolink rules of the GFM spec), as a link. */
function literalUrl(state: StateInline, silent: boolean): boolean {
  if ((state as StateInline & { linkLevel: number }).linkLevel > 0) return false;
  const { src, pos } = state;
  const head = src.slice(pos, pos + 8);
  const before = pos === 0 ? null : src.charCodeAt(pos - 1);
  let start: number;
  let prefix = '';
  const protocol = PROTOCOL.exec(head);
  if (protocol !== null) {
    // After the protocol, a domain must start: no space or punctuation.
    if (before !== null && isAsciiAlpha(before)) return false;
    start = pos + protocol[0].length;
    const next = src.charCodeAt(start);
    if (Number.isNaN(next) || next < 0x21 || isSpaceCode(next) || isPunctuation(next)) return false;
  } else if (WWW.test(head)) {
    if (!(before === null || WWW_BEFORE.has(before) || isSpaceCode(before))) return false;
    if (pos + 4 >= src.length) return false;
    start = pos;
    prefix = 'http://';
  } else {
    return false;
  }
  const domainEnd = urlDomain(src, start, state.posMax);
  if (domainEnd === null) return false;
  const end = urlPath(src, domainEnd, state.posMax);
  if (!silent) {
    const literal = src.slice(pos, end);
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', prefix + literal]];
    open.markup = 'linkify';
    open.info = 'auto';
    const text = state.push('text', '', 0);
    text.content = literal;
    const close = state.push('link_close', 'a', -1);
    close.markup = 'linkify';
    close.info = 'auto';
  }
  state.pos = end;
  return true;
}

/** What may come right before `www.`: the start, whitespace, `(`, `*`, `_`, `[`, `]`, `~`. */
const WWW_BEFORE = new Set([0x28, 0x2a, 0x5f, 0x5b, 0x5d, 0x7e]);
/** Punctuation that ends a URL when only more of it, then its end, follows. */
const TRAIL = new Set([0x21, 0x22, 0x27, 0x29, 0x2a, 0x2c, 0x2e, 0x3a, 0x3b, 0x3f, 0x5f, 0x7e]);

/** Where a URL's domain ends (from `at`), or null when it is no domain (nothing, or `_` in its last two labels). */
function urlDomain(src: string, at: number, max: number): number | null {
  const trail = trailFinder(src, max);
  let underscoreLast = false;
  let underscoreBefore = false;
  let seen = false;
  let pos = at;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (code === 0x2e || code === 0x5f) {
      if (trail(pos)) break;
      if (code === 0x5f) underscoreLast = true;
      else {
        underscoreBefore = underscoreLast;
        underscoreLast = false;
      }
      pos++;
      continue;
    }
    if (isSpaceCode(code) || (code !== 0x2d && isPunctuation(code))) break;
    seen = true;
    pos++;
  }
  return seen && !underscoreLast && !underscoreBefore ? pos : null;
}

/** Where a URL's path ends (from `at`): at whitespace, or before trailing punctuation and unmatched `)`. */
function urlPath(src: string, at: number, max: number): number {
  const trail = trailFinder(src, max);
  let open = 0;
  let closed = 0;
  let pos = at;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (isSpaceCode(code)) break;
    if (code === 0x28) open++;
    else if (code === 0x29 && closed < open) closed++;
    else if ((TRAIL.has(code) || code === 0x26 || code === 0x3c || code === 0x5d) && trail(pos)) break;
    else if (code === 0x29) closed++;
    pos++;
  }
  return pos;
}

/**
 * Whether the text from a position is a URL's trail. A run of punctuation that is not a trail
 * (something other than whitespace follows it) is not one from any point inside it either, so
 * each run is read once: a URL is read in linear time whatever its punctuation.
 */
function trailFinder(src: string, max: number): (pos: number) => boolean {
  let notBefore = -1;
  return (pos) => {
    if (pos < notBefore) return false;
    const stop = notTrailAt(src, pos, max);
    if (stop === -1) return true;
    notBefore = stop;
    return false;
  };
}

/**
 * -1 when what starts at `at` is a URL's trail: punctuation (with character references like
 * `&amp;`, and `]` but not before `(` or `[`) up to the end, whitespace or `<`. Otherwise where
 * the character that makes it none is.
 */
const REFERENCE = /&[A-Za-z]+;/y;

function notTrailAt(src: string, at: number, max: number): number {
  let pos = at;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (TRAIL.has(code)) {
      pos++;
    } else if (code === 0x26) {
      REFERENCE.lastIndex = pos;
      if (!REFERENCE.test(src)) return pos;
      pos = REFERENCE.lastIndex;
    } else if (code === 0x5d) {
      pos++;
      const next = src.charCodeAt(pos);
      if (pos >= max || next === 0x28 || next === 0x5b || isSpaceCode(next)) return -1;
    } else {
      return code === 0x3c || isSpaceCode(code) ? -1 : pos;
    }
  }
  return -1;
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpaceCode(code: number): boolean {
  return md.utils.isWhiteSpace(code) || code === 0x0a || code === 0x0d;
}

function isPunctuation(code: number): boolean {
  return code < 0x80 ? md.utils.isMdAsciiPunct(code) : md.utils.isPunctChar(String.fromCharCode(code));
}

/** Paired runs become `<del>`; unpaired ones stay text. */
function pairStrikethrough(state: StateInline): boolean {
  const lists = [state.delimiters, ...state.tokens_meta.map((meta) => meta?.delimiters ?? [])];
  for (const delimiters of lists) {
    for (const opener of delimiters) {
      if ((opener.marker !== ONE_TILDE && opener.marker !== TWO_TILDES) || opener.end === -1) continue;
      const closer = delimiters[opener.end];
      if (closer === undefined) continue;
      for (const [index, type, nesting] of [
        [opener.token, 's_open', 1],
        [closer.token, 's_close', -1],
      ] as const) {
        const token = state.tokens[index];
        if (token === undefined) continue;
        token.type = type;
        token.tag = 'del';
        token.nesting = nesting;
        token.markup = token.content;
        token.content = '';
      }
    }
  }
  return true;
}

/** The label markdown-it-footnote read (`[^label]`), as written. */
function footnoteLabel(token: Token): string {
  const label: unknown = (token.meta as { label?: unknown } | null)?.label;
  return typeof label === 'string' ? label : '';
}

function alignOf(style: string | null): 'left' | 'right' | 'center' | null {
  const match = /text-align:(left|right|center)/.exec(style ?? '');
  return (match?.[1] as 'left' | 'right' | 'center' | undefined) ?? null;
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Inline tokens to phrasing content; adjacent text (and soft breaks) joined into one node. */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { children: PhrasingContent[]; close: string }[] = [{ children: root, close: '' }];
  const top = () => stack[stack.length - 1] as { children: PhrasingContent[]; close: string };
  const text = (value: string): void => {
    const children = top().children;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value += value;
    else children.push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }, close: string): void => {
    top().children.push(node);
    stack.push({ children: node.children, close });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        top().children.push({ type: 'break' });
        break;
      case 'code_inline':
        top().children.push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        top().children.push({ type: 'html', value: token.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] }, 'em_close');
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] }, 'strong_close');
        break;
      case 's_open':
        open({ type: 'delete', children: [] }, 's_close');
        break;
      case 'link_open':
        open(
          { type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [] },
          'link_close',
        );
        break;
      case 'image':
        top().children.push({
          type: 'image',
          url: token.attrGet('src') ?? '',
          title: token.attrGet('title'),
          alt: plainText(token.children ?? []),
        });
        break;
      case 'footnote_ref': {
        const label = footnoteLabel(token);
        top().children.push({ type: 'footnoteReference', identifier: normalizeIdentifier(label).toLowerCase(), label });
        break;
      }
      default:
        if (token.nesting === -1 && token.type === top().close) stack.pop();
        break;
    }
  }
  return root;
}

/** What an image's description reads as: its text, without the markup. */
function plainText(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += '\n';
    else if (token.type === 'image') out += plainText(token.children ?? []);
  }
  return out;
}
