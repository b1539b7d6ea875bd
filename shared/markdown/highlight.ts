/**
 * Syntax highlighting of fenced code with a known language, by lowlight (highlight.js), as
 * rehype-highlight 7 does it with `detect: false`: the same classes, the same spans, byte for byte
 * (./highlight.test.ts checks that against rehype-highlight itself). rehype-highlight walks the
 * whole tree with unist-util-visit, which copies the list of a node's ancestors for every node
 * that has children: on the benchmark's 1,000 posts that walk cost more than highlighting the
 * code (~90 of ~170 ms). This walk keeps a stack of parents and allocates nothing per node.
 *
 * A fence's language is read as site generators write it (fenceLanguage, used by the converter
 * in ./render.ts, before any step that could drop the fence's meta): Zola's `rust,linenos` is
 * Rust, MkDocs' and Pandoc's `{ .sh .no-copy }` is sh.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { common, createLowlight } from 'lowlight';

const lowlight = createLowlight(common);

/** A rehype plugin: every `<pre><code class="language-…">` (or `lang-…`) with a registered language is highlighted. */
export function rehypeHighlightCode() {
  return (tree: Root): undefined => {
    const parents: (Root | Element)[] = [tree];
    for (let parent = parents.pop(); parent !== undefined; parent = parents.pop()) {
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        // Before its children are walked, as a visitor would: a highlighted block's children are its spans.
        if (child.tagName === 'code' && parent.type === 'element' && parent.tagName === 'pre') highlight(child);
        parents.push(child);
      }
    }
  };
}

function highlight(code: Element): void {
  // Read as rehype-highlight reads it: any array, each class as a string. No array, no language.
  const classes: unknown = code.properties.className;
  if (!Array.isArray(classes)) return;
  const lang = language(classes as unknown[]);
  // No language, an empty one (`language-`) or `no-highlight`: left as it is.
  if (!lang) return;
  if (!classes.includes('hljs')) classes.unshift('hljs');
  // An unknown language keeps its text, as rehype-highlight does (it also keeps the `hljs` class).
  if (!lowlight.registered(lang)) return;
  const result = lowlight.highlight(lang, toText(code, { whitespace: 'pre' }));
  if (result.children.length > 0) code.children = result.children as Element['children'];
}

const ATTRIBUTE_CLASS = /(?:^|\s)\.([A-Za-z][\w+#-]*)/;

/**
 * A fence's language as its generator meant it (its info string's first word `lang`, the rest
 * `meta`): the part before a comma (Zola's `rust,linenos`, `toml,hl_lines=5-6`), or the first
 * `.class` of an attribute list (`{.python}`, MkDocs' `{ .sh .no-copy }`, whose first word is `{`);
 * else as written.
 */
export function fenceLanguage(lang: string, meta: string | null | undefined): string {
  let name = lang;
  if (lang.startsWith('{')) name = ATTRIBUTE_CLASS.exec(`${lang.slice(1)} ${meta ?? ''}`)?.[1] ?? lang;
  else if (lang.includes(',')) name = lang.slice(0, lang.indexOf(','));
  return name === '' ? lang : name;
}

/** The language classes name (`language-x` or `lang-x`, the first), false for `no-highlight`. */
function language(classes: unknown[]): string | false | undefined {
  let name: string | undefined;
  for (const item of classes) {
    const value = String(item);
    if (value === 'no-highlight' || value === 'nohighlight') return false;
    // An empty name counts as none, so a later class may still name the language.
    if (!name && value.startsWith('lang-')) name = value.slice(5);
    if (!name && value.startsWith('language-')) name = value.slice(9);
  }
  return name;
}
