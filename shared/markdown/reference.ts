/**
 * The references the pipeline's own steps are tested against, tests only (devDependencies); the
 * app never imports this. The parser (./parse.ts) against remark-parse with remark-gfm, which
 * parsed every post before it: both trees go through the same remark-rehype, rehype-raw and
 * rehype-stringify, unsanitized, so any difference in the trees shows in the HTML. Highlighting
 * (./highlight.ts) against rehype-highlight, which it replaced: the whole pipeline either way.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { common } from 'lowlight';
import { CONTEXT_KEY, type RenderContext } from './context';
import { rehypeHighlightCode } from './highlight';
import { parseMarkdown } from './parse';
import { MARKDOWN_PLUGINS } from './render';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).freeze();

function html(tree: Root): string {
  return toHtml.stringify(toHtml.runSync(tree));
}

/** The HTML of `markdown` as remark-parse and remark-gfm read it. */
export const referenceHtml = (markdown: string): string => html(remark.parse(markdown));

/** The HTML of `markdown` as parseMarkdown reads it. */
export const parsedHtml = (markdown: string): string => html(parseMarkdown(markdown));

/** The pipeline with rehype-highlight (as it was configured) where ./highlight.ts now is. */
const WITH_REHYPE_HIGHLIGHT: PluggableList = MARKDOWN_PLUGINS.map((entry) =>
  Array.isArray(entry) && entry[0] === rehypeHighlightCode
    ? [rehypeHighlight, { detect: false, languages: common }]
    : entry,
);
const pipelines = {
  current: unified().use(MARKDOWN_PLUGINS).freeze(),
  rehypeHighlight: unified().use(WITH_REHYPE_HIGHLIGHT).freeze(),
};

/** The HTML of `markdown` through every step of the pipeline, highlighted by ./highlight.ts or by rehype-highlight. */
export function pipelineHtml(markdown: string, highlighter: keyof typeof pipelines): string {
  if (!MARKDOWN_PLUGINS.some((entry) => Array.isArray(entry) && entry[0] === rehypeHighlightCode))
    throw new Error('The pipeline no longer highlights with rehypeHighlightCode.');
  const processor = pipelines[highlighter];
  const context: RenderContext = { remoteImages: 'keep', warnings: [] };
  return String(processor.stringify(processor.runSync(parseMarkdown(markdown), { data: { [CONTEXT_KEY]: context } })));
}
