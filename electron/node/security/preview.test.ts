/**
 * Hostile posts through the one Markdown pipeline (shared/markdown/render.ts), as the preview and
 * the export call it: the HTML that comes out is inert, read the way a browser reads it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderOptions } from '../../../shared/markdown/render';
import { decodePost, parsePost } from '../frontmatter/index';
import { HOSTILE_DIR, HOSTILE_POSTS, readHostile, tripwires } from './hostile';
import { fragmentProblems } from './scan';

/** Slow machines (and CI under load) get this long per post; the budget is "completes". */
const POST_BUDGET_MS = 120_000;

/** The preview's settings: remote images as placeholders, relative ones through the asset route. */
const PREVIEW: RenderOptions = { remoteImages: 'placeholder', resolveImage: (src) => `/files/${src}` };

function expectInert(markdown: string, options: RenderOptions): void {
  const { html } = renderMarkdown(markdown, options);
  expect(fragmentProblems(html, { remoteImages: options.remoteImages !== 'placeholder' })).toEqual([]);
}

describe.skipIf(HOSTILE_POSTS.length === 0)('every hostile post renders inert', () => {
  it.each(HOSTILE_POSTS)(
    '%s',
    async (name) => {
      const text = decodePost(await readHostile(name)).text;
      const { body } = parsePost(text);
      expectInert(body, PREVIEW);
      expectInert(body, {});
      // Front matter the codec does not recognise is shown as Markdown too: the whole text must be inert.
      expectInert(text, PREVIEW);
      expect(tripwires()).toEqual([]);
    },
    POST_BUDGET_MS,
  );
});

describe('the preview loads nothing from elsewhere', () => {
  it('shows remote images as placeholders, never as <img>', () => {
    const { html } = renderMarkdown('![p](https://evil.example/p.png) <img src="http://evil.example/q.png">', PREVIEW);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('remote image not loaded: evil.example');
  });

  it('drops what an image resolver answers with when it breaks the policy', () => {
    const resolvers = ['javascript:alert(1)', 'data:text/html,x', '//evil.example/x.png', 'file:///etc/passwd'];
    for (const answer of resolvers) {
      const { html } = renderMarkdown('![x](local.png)', { remoteImages: 'placeholder', resolveImage: () => answer });
      expect(fragmentProblems(html, { remoteImages: false }), answer).toEqual([]);
      expect(html).not.toContain(answer);
    }
  });

  it('keeps the text of every trap visible (nothing the author wrote silently vanishes from links)', () => {
    const { html, warnings } = renderMarkdown('[click me](javascript:alert(1)) and ![alt text](vbscript:x)');
    expect(html).toContain('click me');
    expect(html).toContain('alt text');
    expect(warnings.length).toBe(2);
  });
});

/** Slow machines (and CI under load) get this long per case; the budget is "completes". */
const BUDGET_MS = 120_000;

/** Pathological bodies: each must complete (within BUDGET_MS) and stay inert. */
const HUGE: [string, () => string][] = [
  ['1 MB of paragraphs', () => 'Words and more words.\n\n'.repeat(45_000)],
  ['200 KB on one line of raw HTML handlers', () => '<b onclick=x>a</b>'.repeat(12_000)],
  ['100,000 nested block quotes', () => `${'>'.repeat(100_000)} deep`],
  ['100,000 nested list markers', () => `${'- '.repeat(100_000)}deep`],
  ['50,000 nested raw divs', () => `${'<div>'.repeat(50_000)}<img src=x onerror=alert(1)>${'</div>'.repeat(50_000)}`],
  ['5,000 nested brackets', () => `${'['.repeat(5000)}x${']'.repeat(5000)}(javascript:alert(1))`],
  ['300 nested images', () => `${'!['.repeat(300)}x${'](javascript:y)'.repeat(300)}`],
  ['100,000 emphasis markers', () => `${'*'.repeat(100_000)}a${'_'.repeat(100_000)}`],
  ['20,000 alternating emphasis', () => '*a _b '.repeat(20_000)],
  ['5,000 links', () => Array.from({ length: 5000 }, (_, i) => `[l${i}](https://example.com/${i})`).join(' ')],
  [
    'a table 300 columns wide',
    () => `|${' a |'.repeat(300)}\n|${'---|'.repeat(300)}\n|${' <img src=x onerror=y> |'.repeat(300)}`,
  ],
  ['300 footnotes', () => Array.from({ length: 300 }, (_, i) => `x[^${i}]\n\n[^${i}]: note ${i}`).join('\n\n')],
  ['an unclosed code fence of 500 KB', () => `\`\`\`js\n${'<script>alert(1)</script>\n'.repeat(20_000)}`],
  ['an unclosed HTML comment of 500 KB', () => `<!--${'<script>alert(1)</script>'.repeat(20_000)}`],
];

describe('huge and deeply nested bodies complete and stay inert', () => {
  it.each(HUGE)(
    '%s',
    (_name, make) => {
      const markdown = make();
      const { html } = renderMarkdown(markdown, PREVIEW);
      expect(typeof html).toBe('string');
      expect(fragmentProblems(html, { remoteImages: false })).toEqual([]);
    },
    BUDGET_MS,
  );
});

/**
 * Packages that would render diagrams or math: adding one means configuring it safely first.
 * markdown-it-footnote is the parser's GFM footnotes (shared/markdown/parse.ts), not a renderer.
 */
const RENDERERS =
  /^(mermaid|@mermaid-js\/.*|katex|rehype-katex|remark-math|rehype-mathjax|mathjax.*|markdown-it-(?!footnote$).*)$/;

describe('mermaid and math are shown as code and text, never rendered', () => {
  it('depends on no diagram or math renderer (one added must run at strict/sandbox, trust: false, sanitized)', async () => {
    const pkg = JSON.parse(await readFile(path.resolve(HOSTILE_DIR, '../../../package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(names.filter((name) => RENDERERS.test(name))).toEqual([]);
  });

  it.skipIf(!HOSTILE_POSTS.includes('53-mermaid-math.md'))(
    'hostile post 53 keeps its mermaid and math payloads as visible, inert text in the preview and the export',
    async () => {
      const { body } = parsePost(decodePost(await readHostile('53-mermaid-math.md')).text);
      for (const options of [PREVIEW, {}]) {
        const { html } = renderMarkdown(body, options);
        expect(html).toContain('<code class="hljs language-mermaid">');
        expect(html).toContain('click A call window.alert("mermaid")');
        expect(html).toContain('A[&#x3C;img src=x onerror=');
        expect(html).toContain('\\href{javascript:window.__pwned=');
        expect(html).toMatch(/<code class="(hljs )?language-math">/);
        expect(html).not.toMatch(/<(svg|math|foreignObject)\b|class="[^"]*(katex|(?<!language-)mermaid)/i);
        expect(fragmentProblems(html, { remoteImages: options !== PREVIEW })).toEqual([]);
      }
    },
  );
});
