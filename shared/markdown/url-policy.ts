/**
 * The rehype step that applies the URL policy of ./urls.ts to links and images. It runs after
 * the highlighter and before rehype-sanitize (which stays last and is the final word).
 */
import type { Element, ElementContent, Root } from 'hast';
import { clip, contextOf, type RenderContext } from './context';
import { SANITIZE_SCHEMA } from './schema';
import { judgeImage, judgeLink } from './urls';

/** The elements the sanitizer keeps; any other (raw HTML) is left out, and the author told once per tag. */
const KEPT_TAGS = new Set(SANITIZE_SCHEMA.tagNames);
/** Elements the sanitizer removes with everything in them: told about, their insides never looked at. */
const STRIPPED_TAGS = new Set(SANITIZE_SCHEMA.strip);

/** The prefix rehype-sanitize puts before every id; in-page links must carry it too. */
export const ID_PREFIX = 'user-content-';

type Parent = Root | Element;

/** A rehype plugin: links and images that break the policy are removed, keeping their text. */
export function rehypeUrlPolicy() {
  return (tree: Root, file: { data: Record<string, unknown> }): undefined => {
    applyPolicy(tree, contextOf(file));
  };
}

function applyPolicy(parent: Parent, context: RenderContext): void {
  const children = parent.children;
  // The children after the policy, made only once one is replaced: most elements stay as they are,
  // and this runs on every element of every render.
  let next: ElementContent[] | null = null;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as ElementContent;
    let replaced: ElementContent | ElementContent[] = child;
    if (child.type === 'element') {
      if (STRIPPED_TAGS.has(child.tagName)) {
        // The sanitizer drops it whole: nothing inside needs the policy, and only it is named.
        warnRaw(child.tagName, context);
      } else {
        applyPolicy(child, context);
        replaced = rewrite(child, context);
      }
    }
    if (replaced === child) {
      next?.push(child);
      continue;
    }
    next ??= children.slice(0, i) as ElementContent[];
    if (Array.isArray(replaced)) for (const node of replaced) next.push(node);
    else next.push(replaced);
  }
  if (next !== null) parent.children = next;
}

/** The nodes that replace one element: usually the element itself, kept. */
function rewrite(element: Element, context: RenderContext): Element | ElementContent[] {
  if (!KEPT_TAGS.has(element.tagName)) warnRaw(element.tagName, context);
  if (element.tagName === 'a') return rewriteLink(element, context);
  if (element.tagName === 'img') return rewriteImage(element, context);
  // `<source srcset>` slips past the sanitizer's protocol check, so no element keeps a srcset.
  // Asked first: deleting a property an element does not have still costs a slow lookup.
  if ('srcSet' in element.properties) delete element.properties.srcSet;
  if (ALIGNABLE.has(element.tagName)) alignClass(element);
  return element;
}

function rewriteLink(link: Element, context: RenderContext): Element | ElementContent[] {
  const href = link.properties.href;
  if (typeof href !== 'string') {
    delete link.properties.href;
    return link;
  }
  const verdict = judgeLink(href);
  if (verdict.kind === 'refused') {
    context.warnings.push(`Link to "${clip(href)}" removed: it ${verdict.reason}.`);
    return link.children;
  }
  if (verdict.kind === 'relative' && context.resolveLink !== undefined)
    return resolveLinkTarget(link, verdict.url, context);
  link.properties.href = verdict.kind === 'anchor' ? anchorHref(verdict.url) : verdict.url;
  return link;
}

function resolveLinkTarget(link: Element, href: string, context: RenderContext): Element | ElementContent[] {
  const resolved = context.resolveLink?.(href) ?? null;
  if (resolved === null) {
    link.properties.href = href;
    return link;
  }
  const verdict = judgeLink(resolved);
  if (verdict.kind === 'refused') {
    context.warnings.push(`Link to "${clip(href)}" removed: its resolved URL ${verdict.reason}.`);
    return link.children;
  }
  link.properties.href = verdict.kind === 'anchor' ? anchorHref(verdict.url) : verdict.url;
  return link;
}

/** Elements whose `align` is kept as a class: table cells, and the blocks READMEs centre (`<p align="center">`). */
const ALIGNABLE = new Set(['th', 'td', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A table cell's or a block's alignment as a class (`align-center`), which the page's and the
 * preview's stylesheets align: the `align` attribute is obsolete HTML, and a style attribute
 * would need the sanitizer to let styles through.
 */
function alignClass(cell: Element): void {
  if (!('align' in cell.properties)) return;
  const align = cell.properties.align;
  delete cell.properties.align;
  if (typeof align !== 'string') return;
  const value = align.trim().toLowerCase();
  if (value === 'left' || value === 'center' || value === 'right') cell.properties.className = [`align-${value}`];
}

function warnRaw(tagName: string, context: RenderContext): void {
  const warning = rawHtmlWarning(tagName);
  if (!context.warnings.includes(warning)) context.warnings.push(warning);
}

/** The warning for a raw HTML element the sanitizer leaves out (`<iframe>`, `<video>`, `<script>`…). */
export function rawHtmlWarning(tagName: string): string {
  return `Raw HTML <${clip(tagName)}> was left out.`;
}

/** `#intro` must point at the id the sanitizer will write (`user-content-intro`). */
function anchorHref(url: string): string {
  return url === '#' ? url : `#${ID_PREFIX}${url.slice(1)}`;
}

function rewriteImage(image: Element, context: RenderContext): Element | ElementContent[] {
  delete image.properties.srcSet;
  const src = image.properties.src;
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt : '';
  if (typeof src !== 'string') return dropImage(alt, context, null);
  const verdict = judgeImage(src);
  if (verdict.kind === 'refused') return dropImage(alt, context, `Image "${clip(src)}" removed: it ${verdict.reason}.`);
  if (verdict.kind === 'remote') return remoteImage(image, src, alt, verdict, context);
  if (verdict.kind !== 'relative' || context.resolveImage === undefined) {
    image.properties.src = verdict.url;
    return image;
  }
  return resolveRelative(image, verdict.url, alt, context);
}

/**
 * A remote image, asked for over https. Exported pages allow no plain-http image (their CSP: an
 * http request can reach a router or another device on the reader's network), and a browser
 * upgrades an http image on an https page anyway; so the URL is upgraded here, in the pipeline
 * the preview shares, and the author is told. Most hosts serve the same image over https.
 */
function remoteImage(
  image: Element,
  src: string,
  alt: string,
  verdict: { url: string; host: string },
  context: RenderContext,
): Element | ElementContent[] {
  const url = verdict.url.replace(/^http:/i, 'https:');
  if (url !== verdict.url)
    context.warnings.push(`Image "${clip(src)}" is loaded over https: pages load no images over plain http.`);
  if (context.remoteImages === 'placeholder') return [placeholder(alt, verdict.host, url)];
  image.properties.src = url;
  return image;
}

function resolveRelative(image: Element, src: string, alt: string, context: RenderContext): Element | ElementContent[] {
  const resolved = context.resolveImage?.(src) ?? null;
  if (resolved === null)
    return dropImage(
      alt,
      context,
      `Image "${clip(src)}" removed: it could not be found or is outside the posts folder.`,
    );
  // The resolver's answer is held to the same policy as the author's text.
  const verdict = judgeImage(resolved);
  if (verdict.kind === 'refused')
    return dropImage(alt, context, `Image "${clip(src)}" removed: its resolved URL ${verdict.reason}.`);
  image.properties.src = verdict.url;
  return image;
}

/** The warning for an image its resolver refused; callers with a better reason can filter it out. */
export function unresolvedImageWarning(src: string): string {
  return `Image "${clip(src)}" removed: it could not be found or is outside the posts folder.`;
}

function dropImage(alt: string, context: RenderContext, warning: string | null): ElementContent[] {
  if (warning !== null) context.warnings.push(warning);
  return alt === '' ? [] : [{ type: 'text', value: alt }];
}

function placeholder(alt: string, host: string, url: string): Element {
  const label = alt === '' ? 'Image' : alt;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['remote-image'], title: url },
    children: [{ type: 'text', value: `${label} (remote image not loaded: ${host})` }],
  };
}
