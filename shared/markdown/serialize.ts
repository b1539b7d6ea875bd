/**
 * The pipeline's HTML writer: what rehype-stringify (hast-util-to-html 9, default options) writes
 * for a sanitized tree, followed by ./attributes.ts escaping `<` and `>` in attribute values, in
 * one pass and byte for byte: electron/node/export/serialize-posts.test.ts compares the two on every
 * tree the sample, hostile and corpus posts render to, ./serialize.test.ts on fuzzed trees.
 *
 * Why not the library: it was a fifth of a render's time on the benchmark's 1,000 posts. For each
 * attribute it looks the property up again and builds two option objects; for each text it runs a
 * replace with a callback even when there is nothing to escape; and every string goes through an
 * array join. A sanitized tree holds only elements, texts and its root, in the HTML namespace, and
 * this writes those. Anything else (a comment, a raw node, an `svg`, a `template`, the text of a
 * `script`: none survives the sanitizer) is handed to the library, which the pipeline then runs as
 * before.
 */
import type { Element, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import { find, html } from 'property-information';
import type { Plugin } from 'unified';
import { escapeAttributeBrackets } from './attributes';

/** A unified plugin: the pipeline's compiler, in rehype-stringify's place. */
export const rehypeSerialize: Plugin<[], Root, string> = function () {
  this.compiler = (tree) => serialize(tree as Root);
};

/** A node this writer leaves to the library (see above). */
class Unusual extends Error {}

/** How a property is written: its attribute's name, and how its value reads. */
interface Attribute {
  /** The attribute's name, which the library compares a boolean's value with. */
  attribute: string;
  /** The name as written, escaped as the library escapes it. */
  name: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}

const attributes = new Map<string, Attribute>();

function attributeOf(key: string): Attribute {
  let known = attributes.get(key);
  if (known === undefined) {
    const info = find(html, key);
    known = {
      attribute: info.attribute,
      // Names are escaped as the library escapes them (a property's name can be anything).
      name: escape(info.attribute, NAME),
      boolean: info.boolean,
      overloadedBoolean: info.overloadedBoolean,
      commaSeparated: info.commaSeparated,
    };
    // A few hundred names at most in practice; a post naming endless `data-*` ones is not kept.
    if (attributes.size < 4096) attributes.set(key, known);
  }
  return known;
}

/** The characters the library escapes in a text, an attribute's name and a double-quoted value (with ./attributes.ts's `<` and `>`). */
const TEXT = /[<&]/g;
const NAME = /[\0\t\n\f\r "&'/<=>`]/g;
const VALUE = /[\0"&'`<>]/g;

function hexadecimal(character: string): string {
  return `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;
}

function escape(value: string, characters: RegExp): string {
  characters.lastIndex = 0;
  return characters.test(value) ? value.replace(characters, hexadecimal) : value;
}

const VOIDS = new Set(htmlVoidElements);

/** The HTML of a sanitized tree, as `escapeAttributeBrackets(toHtml(tree))` writes it. */
export function serialize(tree: Root): string {
  try {
    return children(tree.children);
  } catch (error) {
    if (!(error instanceof Unusual)) throw error;
    return escapeAttributeBrackets(toHtml(tree));
  }
}

function children(nodes: RootContent[] | undefined): string {
  // A node without its list of children (never made by the sanitizer): the library writes it as empty.
  if (!Array.isArray(nodes)) throw new Unusual();
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escape(node.value, TEXT);
    else if (node.type === 'element') out += element(node);
    else throw new Unusual();
  }
  return out;
}

function element(node: Element): string {
  const tag = node.tagName;
  // Another namespace, a template's content, or a text the library writes raw.
  if (tag === 'svg' || tag === 'template' || tag === 'script' || tag === 'style') throw new Unusual();
  const content = children(node.children);
  const open = `<${tag}${properties(node.properties)}>`;
  // A void element has no end tag, unless it has content (which the library then writes, end tag and all).
  return content === '' && VOIDS.has(tag.toLowerCase()) ? open : `${open}${content}</${tag}>`;
}

function properties(props: Properties): string {
  let out = '';
  for (const key in props) {
    const value = props[key];
    if (value === null || value === undefined) continue;
    const written = attribute(key, value);
    if (written !== '') out += ` ${written}`;
  }
  return out;
}

function attribute(key: string, given: NonNullable<Properties[string]>): string {
  const info = attributeOf(key);
  let value: typeof given = given;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if (
    (info.boolean || info.overloadedBoolean) &&
    (typeof value !== 'string' || value === info.attribute || value === '')
  )
    value = Boolean(value);
  if (value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return info.name;
  let text: string;
  if (Array.isArray(value)) {
    // comma-separated-tokens and space-separated-tokens, as the library calls them.
    const tokens = info.commaSeparated && value[value.length - 1] === '' ? [...value, ''] : value;
    text = tokens.join(info.commaSeparated ? ', ' : ' ').trim();
  } else text = String(value);
  return `${info.name}="${escape(text, VALUE)}"`;
}
