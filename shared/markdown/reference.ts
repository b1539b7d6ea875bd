/**
 * The reference the parser (./parse.ts) is tested against: remark-parse with remark-gfm, which
 * parsed every post before it. Tests only (both are devDependencies); the app never imports this.
 * Both trees go through the same remark-rehype, rehype-raw and rehype-stringify, unsanitized, so
 * any difference in the trees shows in the HTML.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseMarkdown } from './parse';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).freeze();

function html(tree: Root): string {
  return toHtml.stringify(toHtml.runSync(tree));
}

/** The HTML of `markdown` as remark-parse and remark-gfm read it. */
export const referenceHtml = (markdown: string): string => html(remark.parse(markdown));

/** The HTML of `markdown` as parseMarkdown reads it. */
export const parsedHtml = (markdown: string): string => html(parseMarkdown(markdown));
