/**
 * Highlighting (./highlight.ts) gives what rehype-highlight 7 gave, configured as it was
 * (`detect: false`, lowlight's common languages), through the whole pipeline: on every CommonMark
 * spec example and on the cases its code treats apart. The sample and corpus posts:
 * electron/node/export/parser.test.ts.
 */
import * as spec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { pipelineHtml } from './reference';

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
