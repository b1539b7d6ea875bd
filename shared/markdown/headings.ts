/**
 * Heading ids for in-page links: a GitHub-style slug of the heading's text, made unique within
 * the post. rehype-sanitize later prefixes every id with `user-content-`, and the URL policy
 * prefixes `#anchor` links to match, so `[see](#intro)` reaches `## Intro`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { contextOf } from './context';

const HEADING = /^h[1-6]$/;

/**
 * A rehype plugin giving each heading without an id a unique slug id. A piece of a post (the
 * preview's blocks) says what it found (`context.headings`), and may be given its headings' ids,
 * worked out over the whole post (../../renderer/preview/blockRender.ts).
 */
export function rehypeHeadingIds() {
  return (tree: Root, file?: { data: Record<string, unknown> }): undefined => {
    const context = contextOf(file ?? { data: {} });
    const seen = new Set<string>();
    const headings: Element[] = [];
    collect(tree.children, seen, headings);
    const found = context.headings;
    // One by one: a block calling a footnote 150,000 times holds as many ids.
    if (found !== undefined) for (const id of seen) found.explicit.push(id);
    const given = found?.given;
    const next = new Map<string, number>();
    for (const [i, heading] of headings.entries()) {
      const slug = headingSlug(textOf(heading.children));
      const id =
        given !== undefined && given.length === headings.length ? (given[i] ?? slug) : uniqueId(slug, seen, next);
      heading.properties.id = id;
      found?.slugs.push(slug);
      found?.ids.push(id);
    }
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

/** The slug, or `slug-n` with the smallest free n. `next` remembers where each slug's search stopped:
 * ids are only ever added, so every n below it is still taken (40,000 equal headings took minutes). */
export function uniqueId(slug: string, seen: Set<string>, next: Map<string, number>): string {
  const base = slug === '' ? 'section' : slug;
  let k = next.get(base) ?? 0;
  let candidate = k === 0 ? base : `${base}-${k}`;
  while (seen.has(candidate)) {
    k += 1;
    candidate = `${base}-${k}`;
  }
  next.set(base, k);
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
