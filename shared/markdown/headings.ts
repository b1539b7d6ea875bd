/**
 * Heading ids for in-page links: a GitHub-style slug of the heading's text, made unique within
 * the post. rehype-sanitize later prefixes every id with `user-content-`, and the URL policy
 * prefixes `#anchor` links to match, so `[see](#intro)` reaches `## Intro`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const HEADING = /^h[1-6]$/;

/** A rehype plugin giving each heading without an id a unique slug id. */
export function rehypeHeadingIds() {
  return (tree: Root): undefined => {
    const seen = new Set<string>();
    const headings: Element[] = [];
    collect(tree.children, seen, headings);
    for (const heading of headings) heading.properties.id = unique(headingSlug(textOf(heading.children)), seen);
  };
}

/** A GitHub-style slug: lower case, letters/digits/marks/`-`/`_` kept, spaces to hyphens. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function unique(slug: string, seen: Set<string>): string {
  const base = slug === '' ? 'section' : slug;
  let candidate = base;
  for (let n = 1; seen.has(candidate); n += 1) candidate = `${base}-${n}`;
  seen.add(candidate);
  return candidate;
}

function collect(nodes: (RootContent | ElementContent)[], seen: Set<string>, headings: Element[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const id = node.properties.id;
    if (typeof id === 'string') seen.add(id);
    else if (HEADING.test(node.tagName)) headings.push(node);
    collect(node.children, seen, headings);
  }
}

/** The text content of some nodes, as a reader sees it. */
export function textOf(nodes: (RootContent | ElementContent)[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') text += textOf(node.children);
  }
  return text;
}
