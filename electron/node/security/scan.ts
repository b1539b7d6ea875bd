/**
 * A test helper: HTML read the way a browser reads it (parse5, the HTML5 parsing algorithm),
 * then every element and attribute judged. It is independent of the pipeline's own checker
 * (shared/markdown/inert.ts), so weakening one of them cannot hide a hole from both.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** How strict the judge is about images. */
export interface ScanOptions {
  /** Whether http(s) image sources may stay (the export keeps them; the preview must not). */
  remoteImages: boolean;
  /** Whether any class may stay (an exported page's own shell uses the theme's classes). */
  anyClass?: boolean;
  /**
   * Whether ids may be plain: an exported page runs no script at all (its CSP, checked apart), so
   * nothing can be clobbered, and its ids are the ones deep links into the blog use
   * (electron/node/export/anchors.ts). The preview, a live page, must keep the prefix.
   */
  scriptless?: boolean;
}

/** Elements that run code, load documents, submit, style the page or accept input. */
export const ACTIVE_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'base', 'meta', 'link', 'style',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'keygen', 'isindex', 'svg', 'math', 'template',
  'picture', 'source', 'video', 'audio', 'track', 'portal', 'fencedframe', 'dialog', 'noscript', 'noembed',
  'noframes', 'xmp', 'plaintext', 'title', 'marquee', 'map', 'area', 'html', 'head', 'body', 'slot',
]); // prettier-ignore

/** Attributes that run code, load something, or make content interactive. */
export const ACTIVE_ATTRIBUTES = new Set([
  'style', 'srcset', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'poster', 'lowsrc', 'dynsrc',
  'contenteditable', 'autofocus', 'popover', 'popovertarget', 'attributionsrc', 'is', 'xlink:href', 'target',
  'form', 'http-equiv', 'sizes', 'usemap', 'codebase', 'manifest',
]); // prettier-ignore

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'data', 'longdesc', 'icon']);
const ID_REFERENCES = new Set(['id', 'name', 'for', 'aria-labelledby', 'aria-describedby', 'aria-owns', 'list']);
const CLASS_ALLOWED = [/^language-./, /^hljs(-[a-z0-9_-]+)?$/, /^[a-z]+_+$/];
const CLASS_NAMES = new Set([
  'sr-only',
  'task-list-item',
  'contains-task-list',
  'footnotes',
  'data-footnote-backref',
  'remote-image',
]);
const RASTER_DATA = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

/** Problems in an HTML fragment (rendered Markdown), one line each; empty when it is inert. */
export function fragmentProblems(html: string, options: ScanOptions): string[] {
  const problems: string[] = [];
  walk(parseFragment(html), (element) => problems.push(...elementProblems(element, options)));
  return problems;
}

/** A parsed document's elements, each with whether it sits in `<head>`. */
export function documentElements(html: string): { element: Element; inHead: boolean }[] {
  const found: { element: Element; inHead: boolean }[] = [];
  const visit = (node: Node, inHead: boolean): void => {
    if ('tagName' in node) found.push({ element: node, inHead });
    const children = 'childNodes' in node ? node.childNodes : [];
    const nested = 'tagName' in node && node.tagName === 'head' ? true : inHead;
    for (const child of children) visit(child, nested);
    if ('content' in node) visit(node.content, nested);
  };
  visit(parse(html), false);
  return found;
}

/** Problems in the `<body>` of a whole page (an exported post or list). */
export function bodyProblems(html: string, options: ScanOptions): string[] {
  return documentElements(html)
    .filter(({ element, inHead }) => !inHead && !['html', 'head', 'body'].includes(element.tagName))
    .flatMap(({ element }) => elementProblems(element, options));
}

/** The value of an attribute, or undefined. */
export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function walk(node: Node, visit: (element: Element) => void): void {
  if ('tagName' in node) visit(node);
  for (const child of 'childNodes' in node ? node.childNodes : []) walk(child, visit);
  if ('content' in node) walk(node.content, visit);
}

/** Everything wrong with one element. */
export function elementProblems(element: Element, options: ScanOptions): string[] {
  const tag = element.tagName;
  const problems: string[] = [];
  if (ACTIVE_TAGS.has(tag) && !(tag === 'input' && isDisabledCheckbox(element))) problems.push(`<${tag}>`);
  if (!element.namespaceURI.endsWith('/xhtml')) problems.push(`<${tag}> in a foreign namespace`);
  for (const { name, value, prefix } of element.attrs) {
    const full = prefix === undefined ? name : `${prefix}:${name}`;
    const where = `${full}="${value.slice(0, 60)}" on <${tag}>`;
    if (/^on/i.test(full) || ACTIVE_ATTRIBUTES.has(full)) problems.push(where);
    else if (URL_ATTRIBUTES.has(full) && !urlAllowed(tag, full, value, options)) problems.push(where);
    else if (
      ID_REFERENCES.has(full) &&
      options.scriptless !== true &&
      !value.split(/\s+/).every((id) => id.startsWith('user-content-'))
    ) {
      problems.push(`${where} (not prefixed: DOM clobbering)`);
    } else if (full === 'class' && options.anyClass !== true && !value.split(/\s+/).every(classAllowed)) {
      problems.push(where);
    }
  }
  return problems;
}

function isDisabledCheckbox(element: Element): boolean {
  return attribute(element, 'type') === 'checkbox' && attribute(element, 'disabled') !== undefined;
}

function classAllowed(name: string): boolean {
  return name === '' || CLASS_NAMES.has(name) || CLASS_ALLOWED.some((pattern) => pattern.test(name));
}

/** The URL as a browser's parser sees it: C0 controls and spaces trimmed, tabs and newlines removed. */
export function browserUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- these are what the URL parser ignores
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Whether a link or source may stay: web links, mail, anchors, relative paths, raster data images. */
export function urlAllowed(tag: string, name: string, value: string, options: ScanOptions): boolean {
  const url = browserUrl(value);
  // eslint-disable-next-line no-control-regex -- any control character left is an obfuscation
  if (/[\u0000-\u001f\u007f\\]/.test(url) || url.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if ((name === 'href' && tag === 'a') || name === 'cite') {
    return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme);
  }
  if (name === 'src' && tag === 'img') {
    if (scheme === undefined) return true;
    if (scheme === 'data') return RASTER_DATA.test(url);
    return options.remoteImages && (scheme === 'http' || scheme === 'https');
  }
  return false;
}
