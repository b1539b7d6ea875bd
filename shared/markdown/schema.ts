/**
 * The sanitizer schema: GitHub's default, tightened (no picture/source/srcset, no irc/xmpp
 * links, no form attributes) and widened only for what our own pipeline emits (highlight.js
 * classes, the remote-image placeholder, the too-complex note, the names of task checkboxes,
 * raster data: images and resolved image paths, alignment classes for table cells and the blocks
 * READMEs centre) and for harmless elements writers put in raw HTML: `mark`, `u`, `small`,
 * `figure`, `figcaption`, `abbr`, `cite`, `dfn`, `time` and a table's `caption` (no attributes
 * of their own). Any other raw element is left out with a warning (./url-policy.ts).
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

type Attributes = NonNullable<SanitizeSchema['attributes']>;

const REMOVED_TAGS = new Set(['picture', 'source']);
/**
 * Highlighted, underlined and small text: plain inline marks, with no behaviour; figures and their
 * captions, abbreviations, citations, definitions and times: structure with no behaviour. Their
 * only attributes are GitHub's global ones (`title` for abbr and dfn, `dateTime` for time…).
 */
const ADDED_TAGS = ['mark', 'u', 'small', 'figure', 'figcaption', 'abbr', 'cite', 'dfn', 'time', 'caption'];
const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset', 'prompt', 'tabIndex']);

/** Elements removed together with their content (their text is code, styling or a document). */
const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'title',
  'textarea',
  'select',
  'xmp',
  'head',
];

/** The alignment classes a block may have (./url-policy.ts alignClass). */
const ALIGNED: [string, ...string[]] = ['className', 'align-left', 'align-center', 'align-right'];

/** `allowed` with the class names of `classes` added to its own (one className entry: a second would not add to the first). */
function withClasses(allowed: Attributes[string], classes: [string, ...string[]]): Attributes[string] {
  const own = allowed.find((entry) => Array.isArray(entry) && entry[0] === 'className');
  const rest = allowed.filter((entry) => entry !== own);
  const names = Array.isArray(own) ? own.slice(1) : [];
  return [...rest, ['className', ...names, ...classes.slice(1)]];
}

function attributes(): Attributes {
  const base = defaultSchema.attributes ?? {};
  const everywhere = (base['*'] ?? []).filter((entry) => typeof entry !== 'string' || !FORM_ATTRIBUTES.has(entry));
  const result: Attributes = { ...base, '*': everywhere };
  delete result.source;
  result.code = [['className', /^language-./, 'hljs']];
  // highlight.js emits `hljs-*` scopes plus sub-scopes such as `class_` and `function_`.
  result.span = [['className', /^hljs-[a-z0-9_-]+$/, /^[a-z]+_+$/, 'remote-image']];
  // The note above a part shown as text (./render.ts): an ARIA role with no behaviour. A block's
  // alignment, as a class (./url-policy.ts), as a table cell's.
  result.p = [['role', 'note'], ALIGNED];
  for (const tag of ['div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']) result[tag] = withClasses(base[tag] ?? [], ALIGNED);
  // A table cell's alignment, as a class (./url-policy.ts), never the obsolete `align`.
  result.th = [['className', 'align-left', 'align-center', 'align-right']];
  result.td = [['className', 'align-left', 'align-center', 'align-right']];
  result['*'] = everywhere.filter((entry) => entry !== 'align');
  // A task's checkbox is named by its state (./render.ts); no other name is kept.
  result.input = [...(base.input ?? []), ['ariaLabel', 'Done', 'Not done']];
  return result;
}

/** The schema rehype-sanitize runs with, last in the chain. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)), ...ADDED_TAGS],
  attributes: attributes(),
  strip: STRIPPED,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    // data: reaches here only as a raster base64 image; the URL policy refuses the rest.
    src: ['http', 'https', 'data'],
  },
};
