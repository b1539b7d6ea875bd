/**
 * A tolerant inspector of rendered HTML, used by the tests of the preview and of the export to
 * prove the output is inert: it lists every start tag and attribute the browser would see.
 */
import { decodeEntities } from './excerpt';

/** One start tag found in some HTML. */
export interface FoundTag {
  name: string;
  attributes: { name: string; value: string }[];
}

const TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag of some HTML with its attributes, entity-decoded. */
export function findTags(html: string): FoundTag[] {
  const tags: FoundTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes: FoundTag['attributes'] = [];
    for (const attr of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attr[1] ?? '').toLowerCase();
      attributes.push({ name, value: decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '') });
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'form',
  'style',
  'link',
  'svg',
  'math',
  'template',
  'picture',
  'source',
  'textarea',
  'button',
  'select',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'poster',
  'background',
  'longdesc',
  'xlink:href',
  'data',
]);
// eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const BAD_URL = /^(?:javascript:|vbscript:|file:|data:(?!image\/(?:png|jpe?g|gif|webp|avif);base64,))/i;

/** Why some HTML is not inert (one line per problem); empty when it is. */
export function inertProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of findTags(html)) {
    if (FORBIDDEN_TAGS.has(tag.name)) problems.push(`<${tag.name}> element`);
    if (tag.name === 'input' && !isDisabledCheckbox(tag)) problems.push('an <input> that is not a disabled checkbox');
    for (const { name, value } of tag.attributes) problems.push(...attributeProblems(tag.name, name, value));
  }
  return problems;
}

function attributeProblems(tag: string, name: string, value: string): string[] {
  if (/^on[a-z]+$/.test(name)) return [`${name}= on <${tag}>`];
  if (name === 'style' || name === 'srcset' || name === 'srcdoc') return [`${name}= on <${tag}>`];
  if (URL_ATTRIBUTES.has(name)) {
    const bare = value.replace(IGNORED_IN_SCHEME, '');
    if (BAD_URL.test(bare) || bare.startsWith('//')) return [`${name}="${value}" on <${tag}>`];
  }
  return [];
}

function isDisabledCheckbox(tag: FoundTag): boolean {
  const names = new Map(tag.attributes.map((a) => [a.name, a.value]));
  return names.get('type') === 'checkbox' && names.has('disabled');
}
