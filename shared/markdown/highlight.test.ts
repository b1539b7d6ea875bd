/**
 * Highlighting (./highlight.ts) gives what rehype-highlight 7 gave, configured as it was
 * (`detect: false`, lowlight's common languages), through the whole pipeline: on every CommonMark
 * spec example and on the cases its code treats apart. The sample and corpus posts:
 * electron/node/export/parser.test.ts.
 */
import * as spec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { pipelineHtml } from './reference';
import { renderMarkdown } from './render';

describe('highlighting reads code as rehype-highlight did', () => {
  it.each([
    [
      'known languages and aliases',
      '```js\nconst a = 1; // note\n```\n\n```ts\nlet b: number = 2;\n```\n\n```sh\necho "$HOME"\n```',
    ],
    ['an unknown language (kept as text, with the hljs class)', '```klingon\nqapla\n```'],
    ['no language, and an empty one', '```\nplain\n```\n\n    indented\n\n``` \nx\n```'],
    ['an info string with attributes', '```python title="a.py" {1,3}\ndef f():\n    return 1\n```'],
    ['a language in capitals', '```JavaScript\nvar x;\n```'],
    [
      'raw HTML code blocks: lang-, language-, nohighlight, several classes, an empty name',
      '<pre><code class="lang-js">let a;</code></pre>\n\n<pre><code class="language-css">a { color: red }</code></pre>\n\n' +
        '<pre><code class="nohighlight language-js">let b;</code></pre>\n\n<pre><code class="x language-go y">var c int</code></pre>\n\n' +
        '<pre><code class="lang- language-ruby">puts 1</code></pre>\n\n<pre><code class="language-">x</code></pre>',
    ],
    [
      'code not inside pre, pre without code, and code inside code',
      '<code class="language-js">let a;</code>\n\n<pre class="language-js">let b;</pre>\n\n' +
        '<pre><code class="language-js">let c; <pre><code class="language-css">a{}</code></pre></code></pre>',
    ],
    [
      'code in lists, quotes and tables',
      '- ```js\n  let a;\n  ```\n\n> ```css\n> a { b: c }\n> ```\n\n| a |\n|---|\n| `x` |',
    ],
    ['markup-like text inside code', '```html\n<script>alert("x")</script> &amp; <b>\n```'],
    ['an empty block', '```js\n```'],
  ])('on %s', (_name, markdown) => {
    expect(pipelineHtml(markdown, 'current')).toBe(pipelineHtml(markdown, 'rehypeHighlight'));
  });

  it('on every example of the CommonMark spec', () => {
    const differ = spec.tests.filter(
      (test) => pipelineHtml(test.markdown, 'current') !== pipelineHtml(test.markdown, 'rehypeHighlight'),
    );
    expect(differ.map((test) => test.number)).toEqual([]);
    // Some examples do get highlighted, so the comparison is not of plain text only.
    expect(
      spec.tests.filter((test) => pipelineHtml(test.markdown, 'current').includes('hljs-')).length,
    ).toBeGreaterThan(0);
  });
});

describe('a fence names its language as site generators write it', () => {
  it.each([
    ["Zola's options after a comma", '```rust,linenos\nfn main() {}\n```', 'language-rust', 'hljs-title'],
    ['Zola, lines to mark', '```toml,hl_lines=5-6\nname = "x"\n```', 'language-toml', 'hljs-attr'],
    ["MkDocs' attribute list", '``` { .sh .no-copy }\necho "$HOME"\n```', 'language-sh', 'hljs-variable'],
    ["Pandoc's attribute list", '```{.python .numberLines}\ndef f(): pass\n```', 'language-python', 'hljs-keyword'],
  ])('%s', (_name, markdown, language, highlighted) => {
    const html = pipelineHtml(markdown, 'current');
    expect(html).toContain(`<code class="hljs ${language}">`);
    expect(html).toContain(highlighted);
    // The reference (rehype-highlight, after the same reading of the language) agrees span for span.
    expect(html).toBe(pipelineHtml(markdown, 'rehypeHighlight'));
    // The fewest steps give it too (the HTML parser of every step drops a fence's meta).
    expect(renderMarkdown(markdown).html).toBe(renderMarkdown(markdown, {}, 'every').html);
    expect(renderMarkdown(markdown).html).toContain(`<code class="hljs ${language}">`);
  });

  it('leaves a language without those marks, and an attribute list without a class, as written', () => {
    expect(pipelineHtml('```{linenos=table}\nx\n```', 'current')).toContain(
      '<code class="hljs language-{linenos=table}">',
    );
    expect(pipelineHtml('```c++\nint a;\n```', 'current')).toContain('<code class="hljs language-c++">');
  });
});
