/**
 * Which steps of the pipeline a Markdown tree needs. rehype-raw only matters when the tree holds
 * raw HTML (`html` nodes other than a lone comment; footnotes are marked as it would read them back,
 * ./render.ts); highlighting (./highlight.ts) only when it holds fenced code with a
 * language, or raw HTML (which may hold `<pre><code class="language-…">`). Skipping them keeps the
 * output byte for byte on every corpus post (electron/node/security/budget-parts.test.ts renders
 * each both ways). Two shapes the HTML parser would rewrite are written as remark-rehype writes
 * them, in every post without raw HTML (review 22): fenced code opening with a blank line keeps
 * it (`<pre><code>\n…`, as CommonMark writes it; the parser drops it), and an autolink inside a
 * link's text stays nested in it (a browser reading the page splits them as the parser does).
 */
import type { Nodes, Root } from 'mdast';

/** The pipeline variant a tree needs: every step, all but rehype-raw, or neither raw nor highlighting. */
export type Steps = 'full' | 'highlight' | 'plain';

/** The fewest steps that render `tree` exactly as the whole pipeline does. */
export function stepsFor(tree: Root): Steps {
  let steps: Steps = 'plain';
  // A stack, not recursion: a tree may be deep, and this runs on every render.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'html' && !isComment(node.value)) return 'full';
    if (node.type === 'code' && typeof node.lang === 'string' && node.lang !== '') steps = 'highlight';
    // One by one: spreading a paragraph of 100,000 links into push() overflows the stack.
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return steps;
}

/**
 * Whether raw HTML is one comment and nothing else (`<!-- more -->`, as Hexo and Jekyll blogs mark
 * an excerpt's end in every post): the sanitizer drops comments, so it needs no HTML parser.
 */
function isComment(value: string): boolean {
  // Spaces around it are text to the HTML parser, and are written out: not a lone comment.
  return value.length >= 7 && value.startsWith('<!--') && value.indexOf('-->', 4) === value.length - 3;
}
