/**
 * Site generators' own syntax in a post's prose: Hugo shortcodes (`{{< youtube id >}}`), Liquid,
 * Nunjucks and Tera tags and variables (`{% include x.html %}`, `{{ site.url }}`), and admonition
 * blocks (MkDocs' `!!! note`, Docusaurus' `:::tip`). Neither the preview nor the export runs a
 * generator, so these are published as written; the author is told, once per kind, in the same
 * words and order whether a post renders whole or block by block (notesFirst in ./render.ts).
 * Code (fenced, indented, inline) and raw HTML are not prose: syntax shown there is left alone.
 */
import type { Nodes, Root } from 'mdast';

/** Said of a post whose prose holds each kind, in this order. */
export const TEMPLATE_NOTES = [
  'Hugo shortcodes ({{< … >}}, {{% … %}}) are published as written: only Hugo renders them.',
  'Template tags ({% … %}, {{ … }}) are published as written: only the site generator (Jekyll, Eleventy, Zola…) renders them.',
  'Admonitions (!!! note, :::tip) are published as plain paragraphs: only the site generator renders them.',
] as const;

const SHORTCODE = /\{\{[<%]\s*\/?\s*[\w.-]/;
const TAG = /\{%-?\s*[a-z_][\w-]*|\{\{-?\s*[a-z_][\w.]*\s*(?:\|[^{}\n]*)?-?\}\}/i;
const ADMONITION = /^(?:!!!|\?\?\?\+?|:{3,})[ \t]*[a-z][\w-]*/i;

/** Whether `text` may hold any of it (cheap: most posts hold none of these marks). */
export function mayHoldTemplateSyntax(text: string): boolean {
  return (
    text.includes('{{') || text.includes('{%') || text.includes('!!!') || text.includes(':::') || text.includes('???')
  );
}

/** The notes for the kinds of generator syntax in a parsed text's prose (TEMPLATE_NOTES order). */
export function templateNotes(tree: Root): string[] {
  const found = new Set<string>();
  const nodes: Nodes[] = [tree];
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    if (node.type === 'text') {
      if (SHORTCODE.test(node.value)) found.add(TEMPLATE_NOTES[0]);
      if (TAG.test(node.value)) found.add(TEMPLATE_NOTES[1]);
      continue;
    }
    if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type === 'text' && ADMONITION.test(first.value)) found.add(TEMPLATE_NOTES[2]);
    }
    if ('children' in node) for (const child of node.children) nodes.push(child);
  }
  return TEMPLATE_NOTES.filter((note) => found.has(note));
}
