/**
 * Checks the export tests run on a written site: HTML validity, references that must resolve to
 * files (and fragments to ids), and XML well-formedness for the feed and sitemap.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type RuleConfig } from 'html-validate';
import { findTags, inertProblems, type FoundTag } from '../../../shared/markdown/inert';

/**
 * html-validate's recommended rules, relaxed only where the text is the author's, not ours:
 * - no-deprecated-attr: GFM tables emit `align=` on cells (as GitHub does); browsers honour it.
 * - long-title: the `<title>` is the post's title, however long the author made it.
 * - no-trailing-whitespace: code blocks and paragraphs keep the author's trailing spaces.
 * - valid-id (relaxed): heading ids are slugs of any script (Arabic, accented Latin), valid HTML5.
 */
export const EXPORT_RULES: RuleConfig = {
  'no-deprecated-attr': 'off',
  'long-title': 'off',
  'no-trailing-whitespace': 'off',
  'valid-id': ['error', { relaxed: true }],
};

/**
 * Extra relaxations for real-world posts, whose raw HTML is the author's own:
 * - element-permitted-content: raw HTML such as `<pre>` inside `<dl>` is kept as written.
 * - wcag/h30: a link around an image that was left out has no text left.
 */
export const AUTHOR_CONTENT_RULES: RuleConfig = {
  ...EXPORT_RULES,
  'element-permitted-content': 'off',
  'wcag/h30': 'off',
};

/**
 * Why an exported page is not inert: its body must pass inertProblems, and its head may hold only
 * the elements the export itself writes (charset, CSP, viewport, referrer, description, Open
 * Graph, title, one style element, canonical/alternate links).
 */
export function pageProblems(html: string): string[] {
  const bodyAt = html.indexOf('<body>');
  if (bodyAt === -1) return ['no <body>'];
  const headTags = findTags(html.slice(0, bodyAt)).filter(
    (tag) => !['html', 'head', 'title', 'style'].includes(tag.name),
  );
  const strays = headTags.filter((tag) => !isOwnHeadTag(tag)).map((tag) => `unexpected <${tag.name}> in the head`);
  const styles = (html.slice(0, bodyAt).match(/<style>/g) ?? []).length;
  return [...strays, ...(styles === 1 ? [] : [`${styles} style elements`]), ...inertProblems(html.slice(bodyAt))];
}

function isOwnHeadTag(tag: FoundTag): boolean {
  const attr = new Map(tag.attributes.map((a) => [a.name, a.value]));
  if (tag.name === 'link') return ['canonical', 'alternate'].includes(attr.get('rel') ?? '');
  if (tag.name !== 'meta') return false;
  if (attr.has('charset')) return true;
  if (attr.get('http-equiv') === 'Content-Security-Policy')
    return (attr.get('content') ?? '').startsWith("default-src 'none';");
  return (
    ['viewport', 'referrer', 'description'].includes(attr.get('name') ?? '') ||
    (attr.get('property') ?? '').startsWith('og:')
  );
}

/** Every file below `root`, `/`-separated and relative to it. */
export async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** html-validate's messages for a page, as `line: message (rule)`. */
export async function htmlProblems(html: string, rules: RuleConfig = EXPORT_RULES): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules });
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.line}: ${m.message} (${m.ruleId})`));
}

/** Links and images of the site's pages (or of a region of each) that lead nowhere: missing files or fragment ids. */
export async function brokenReferences(
  root: string,
  options: { onlySrc?: boolean; region?: (file: string, html: string) => string } = {},
): Promise<string[]> {
  const files = new Set(await filesBelow(root));
  const ids = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of [...files].filter((f) => f.endsWith('.html'))) {
    const html = await readFile(path.join(root, file), 'utf8');
    for (const tag of findTags(options.region?.(file, html) ?? html)) {
      for (const { name, value } of tag.attributes) {
        if (name !== 'src' && (name !== 'href' || options.onlySrc === true)) continue;
        const problem = await referenceProblem(root, file, value, files, ids);
        if (problem !== null) problems.push(`${file}: ${name}="${value}" ${problem}`);
      }
    }
  }
  return problems;
}

async function referenceProblem(
  root: string,
  from: string,
  url: string,
  files: Set<string>,
  ids: Map<string, Set<string>>,
): Promise<string | null> {
  if (/^(https?:|mailto:|data:image\/)/i.test(url)) return null;
  if (url.startsWith('/')) return 'is a site-root path, which does not work from disk';
  const [pathPart = '', fragment] = url.split('#');
  const target =
    pathPart === ''
      ? from
      : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(pathPart)));
  if (target.startsWith('..')) return 'leads outside the site';
  if (!files.has(target)) return `names ${target}, which does not exist`;
  if (fragment === undefined || fragment === '') return null;
  if (!ids.has(target)) ids.set(target, idsOf(await readFile(path.join(root, target), 'utf8')));
  return ids.get(target)?.has(decodeURIComponent(fragment)) === true
    ? null
    : `points at #${fragment}, which ${target} lacks`;
}

function idsOf(html: string): Set<string> {
  return new Set(findTags(html).flatMap((tag) => tag.attributes.filter((a) => a.name === 'id').map((a) => a.value)));
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/** Why a text is not well-formed XML (the first problem found), or null when it is. */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  if (i === 1) return 'the XML declaration is not closed';
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const textProblem = charactersProblem(text, stack.length === 0);
    if (textProblem !== null) return `${textProblem} at offset ${i}`;
    if (lt === -1) break;
    const step = markup(xml, lt, stack);
    if (typeof step === 'string') return `${step} at offset ${lt}`;
    if (step.opensRoot) roots += 1;
    i = step.end;
  }
  if (stack.length > 0) return `<${stack.join('>, <')}> not closed`;
  return roots === 1 ? null : `${roots} root elements`;
}

function charactersProblem(text: string, outside: boolean): string | null {
  if (outside && text.trim() !== '') return 'text outside the root element';
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    if (!REFERENCE.test(text.slice(amp))) return 'a bare "&"';
  }
  return text.includes(']]>') ? 'a stray "]]>"' : null;
}

function markup(xml: string, lt: number, stack: string[]): { end: number; opensRoot: boolean } | string {
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    return end === -1 ? 'an unclosed comment' : { end: end + 3, opensRoot: false };
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt);
    return end === -1 || stack.length === 0 ? 'a misplaced CDATA section' : { end: end + 3, opensRoot: false };
  }
  const gt = xml.indexOf('>', lt);
  if (gt === -1) return 'an unclosed tag';
  const inner = xml.slice(lt + 1, gt);
  if (inner.startsWith('/')) {
    const name = inner.slice(1).trim();
    return stack.pop() === name ? { end: gt + 1, opensRoot: false } : `an unexpected </${name}>`;
  }
  const selfClosing = inner.endsWith('/');
  const name = NAME.exec(inner)?.[0];
  if (name === undefined) return 'a tag without a name';
  const attrs = attributesProblem(inner.slice(name.length, selfClosing ? -1 : undefined));
  if (attrs !== null) return `${attrs} in <${name}>`;
  const opensRoot = stack.length === 0;
  if (!selfClosing) stack.push(name);
  return { end: gt + 1, opensRoot };
}

function attributesProblem(text: string): string | null {
  const seen = new Set<string>();
  let rest = text;
  while (rest.trim() !== '') {
    const match = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
    if (match === null) return 'a malformed attribute';
    const [whole, name = '', , double, single] = match;
    if (seen.has(name)) return `a repeated attribute ${name}`;
    seen.add(name);
    const value = double ?? single ?? '';
    if (charactersProblem(value, false) !== null) return `a bare "&" in ${name}`;
    rest = rest.slice(whole.length);
  }
  return null;
}

/** A 1×1 transparent PNG, the image the export tests put beside their posts. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
