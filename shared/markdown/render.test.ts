import { describe, expect, it } from 'vitest';
import { findTags, inertProblems } from './inert';
import { MAX_NESTING } from './limits';
import { renderMarkdown } from './render';
import { TEMPLATE_NOTES } from './template';

/** Every id/name in rendered Markdown carries the sanitizer's prefix (no DOM clobbering). */
function clobberProblems(html: string): string[] {
  return findTags(html)
    .flatMap((tag) => tag.attributes)
    .filter((a) => (a.name === 'id' || a.name === 'name') && !a.value.startsWith('user-content-'))
    .map((a) => `${a.name}="${a.value}"`);
}

describe('renderMarkdown: GitHub-flavoured Markdown', () => {
  it('renders tables, task lists, strikethrough and autolinks', () => {
    const { html } = renderMarkdown(
      '| a | b |\n|---|:-:|\n| 1 | ~~2~~ |\n\n- [ ] todo\n- [x] done\n\nSee https://example.com/x and www.example.org.',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th>a</th>');
    expect(html).toContain('<td class="align-center"><del>2</del></td>');
    expect(html).toContain('<ul class="contains-task-list">');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Not done"> todo');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done"> done');
    expect(html).toContain('<a href="https://example.com/x">https://example.com/x</a>');
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>');
  });

  it('asks for a remote http image over https, in the preview and the export alike, and says so', () => {
    const exported = renderMarkdown('![chart](http://cdn.example.com/c.png)');
    expect(exported.html).toBe('<p><img src="https://cdn.example.com/c.png" alt="chart"></p>');
    expect(exported.warnings).toEqual([
      'Image "http://cdn.example.com/c.png" is loaded over https: pages load no images over plain http.',
    ]);
    const preview = renderMarkdown('<img src="HTTP://cdn.example.com/c.png">', { remoteImages: 'placeholder' });
    expect(preview.html).toContain('title="https://cdn.example.com/c.png"');
    expect(renderMarkdown('![x](https://cdn.example.com/c.png)').warnings).toEqual([]);
  });

  it('names every task checkbox by its state, in tight and loose lists, and keeps no other name', () => {
    const loose = renderMarkdown('1. [x] Draft the outline\n\n2. [ ] Send it\n').html;
    expect(loose).toContain('<p><input type="checkbox" checked disabled aria-label="Done"> Draft the outline</p>');
    expect(loose).toContain('<p><input type="checkbox" disabled aria-label="Not done"> Send it</p>');
    const raw = renderMarkdown('<input type="checkbox" disabled aria-label="Click me">\n').html;
    expect(raw).toBe('<input type="checkbox" disabled>');
  });

  it('renders footnotes whose links reach their targets', () => {
    const { html } = renderMarkdown('Claim[^note].\n\n[^note]: Source.');
    const hrefs = findTags(html).flatMap((t) => t.attributes.filter((a) => a.name === 'href').map((a) => a.value));
    const ids = new Set(findTags(html).flatMap((t) => t.attributes.filter((a) => a.name === 'id').map((a) => a.value)));
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) expect(ids.has(href.slice(1))).toBe(true);
  });

  it('highlights fenced code with a known language and leaves unknown ones plain', () => {
    const { html } = renderMarkdown('```js\nconst x = 1;\n```\n\n```mermaid\ngraph TD; A-->B\n```');
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<code class="hljs language-mermaid">graph TD; A-->B\n</code>');
  });

  it('gives headings unique ids that in-page links point to', () => {
    const { html } = renderMarkdown('# Hello, World!\n\n## Hello, World!\n\n## Ça va\n\n[up](#hello-world)');
    expect(html).toContain('<h1 id="user-content-hello-world">');
    expect(html).toContain('<h2 id="user-content-hello-world-1">');
    expect(html).toContain('<h2 id="user-content-ça-va">');
    expect(html).toContain('<a href="#user-content-hello-world">up</a>');
  });

  it('keeps the marks writers use in raw HTML: highlight, underline, small print; never their handlers or styles', () => {
    const { html } = renderMarkdown(
      'A <mark>key point</mark>, <u>underlined</u> and <small>small print</small>, ' +
        '<mark onclick="alert(1)" style="color:red">safe</mark>.',
    );
    expect(html).toContain('<mark>key point</mark>');
    expect(html).toContain('<u>underlined</u>');
    expect(html).toContain('<small>small print</small>');
    expect(html).toContain('<mark>safe</mark>');
  });

  it('shows math and mermaid as text, not rendered', () => {
    const { html } = renderMarkdown('Inline $e^{i\\pi}$ and\n\n$$\nx^2\n$$');
    expect(html).toContain('$e^{i\\pi}$');
    expect(html).not.toContain('<math');
  });
});

const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" ONERROR="alert(1)">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<style>body { background: url(javascript:alert(1)) }</style>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<picture><source srcset="https://evil.example/track.png"><img src="https://ok.example/a.png" alt="pic"></picture>',
  '<img srcset="javascript:alert(1) 1x" src="a.png">',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;vascript&#x3A;alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](<java\nscript:alert(1)>)',
  '[click](&#x01;javascript:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/x)',
  '[click](/\\evil.example/x)',
  '[click](custom-scheme:payload)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)',
  '![x](data:text/html,<script>alert(1)</script>)',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<img src="jAvAsCrIpT:alert(1)">',
  '<img src="file:///C:/Windows/win.ini" alt="f">',
  '<video src=x onerror=alert(1)><source onerror=alert(1)></video>',
  '<details open ontoggle=alert(1)>x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<input type="text" autofocus onfocus="alert(1)">',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<a id="getElementById" name="location">clobber</a>',
  '<img name="cookie" id="body" src="a.png">',
  '<form id="test"><input name="attributes"></form>',
  '<div id="__proto__">x</div>',
  '<template><script>alert(1)</script></template>',
  '<p title="<script>alert(1)</script>" class="x">t</p>',
  '<a href="https://ok.example" target="_blank" rel="opener">x</a>',
  '```html\n<script>alert(1)</script>\n```',
];

describe('renderMarkdown: hostile input renders inert', () => {
  it('has at least 40 hostile snippets', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE)('renders %j inert', (snippet) => {
    const { html } = renderMarkdown(snippet, { resolveImage: (src) => `/assets/${src}` });
    expect(html).not.toMatch(/<script/i);
    // Attribute values are text (their `<` and `>` are escaped), so the scan skips them.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(inertProblems(html)).toEqual([]);
    expect(clobberProblems(html)).toEqual([]);
  });

  it('keeps the text of a removed link and says why', () => {
    const { html, warnings } = renderMarkdown('[click me](javascript:alert(1))');
    expect(html).toBe('<p>click me</p>');
    expect(warnings).toEqual(['Link to "javascript:alert(1)" removed: it uses the javascript: scheme.']);
  });

  it('keeps http(s), mailto, relative and anchor links', () => {
    const { html, warnings } = renderMarkdown(
      '[a](https://x.example/p?q=1) [b](mailto:me@x.example) [c](../other/) [d](#top)',
    );
    expect(html).toContain('href="https://x.example/p?q=1"');
    expect(html).toContain('href="mailto:me@x.example"');
    expect(html).toContain('href="../other/"');
    expect(html).toContain('href="#user-content-top"');
    expect(warnings).toEqual([]);
  });

  it('keeps raster data: images and drops others', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderMarkdown(`![dot](${png})`).html).toContain(`src="${png}"`);
    const svg = renderMarkdown('![logo](data:image/svg+xml;base64,PHN2Zz4=)');
    expect(svg.html).toBe('<p>logo</p>');
    expect(svg.warnings[0]).toMatch(/not a PNG, JPEG, GIF, WebP or AVIF/);
  });

  it.each([
    ['blockquotes', '>'.repeat(10_000) + ' deep'],
    ['lists', '- '.repeat(10_000) + 'deep'],
    ['ordered lists', '1. '.repeat(10_000) + 'deep'],
    ['indented lists', Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i * 2) + '- deep').join('\n')],
    ['raw html', '<div>'.repeat(10_000) + 'deep'],
    ['emphasis', '*'.repeat(10_000) + 'deep' + '*'.repeat(10_000)],
  ])('returns for 10,000 nested %s, as bounded inert text', (_name, input) => {
    const { html, warnings } = renderMarkdown(input);
    expect(html).toContain('deep');
    expect(html.length).toBeLessThan(input.length * 4 + 300);
    expect(inertProblems(html)).toEqual([]);
    expect(warnings.join(' ')).toMatch(/shown as text/);
  });

  it('still renders nesting within the budget as Markdown', () => {
    const { html, warnings } = renderMarkdown('>'.repeat(MAX_NESTING) + ' fine');
    expect(html.match(/<blockquote>/g)?.length).toBe(MAX_NESTING);
    expect(warnings).toEqual([]);
  });
});

describe('renderMarkdown: images', () => {
  it('sends relative images through resolveImage', () => {
    const seen: string[] = [];
    const { html, warnings } = renderMarkdown('![cat](img/cat.png "A cat")', {
      resolveImage: (src) => {
        seen.push(src);
        return `/assets/${src}`;
      },
    });
    expect(seen).toEqual(['img/cat.png']);
    expect(html).toBe('<p><img src="/assets/img/cat.png" alt="cat" title="A cat"></p>');
    expect(warnings).toEqual([]);
  });

  it('drops an image the resolver refuses, keeping its alt text, with a warning', () => {
    const { html, warnings } = renderMarkdown('![secret](../../etc/passwd.png)', { resolveImage: () => null });
    expect(html).toBe('<p>secret</p>');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('../../etc/passwd.png');
  });

  it('holds the resolver answer to the same policy', () => {
    const { html, warnings } = renderMarkdown('![x](a.png)', { resolveImage: () => 'javascript:alert(1)' });
    expect(html).toBe('<p>x</p>');
    expect(warnings[0]).toMatch(/resolved URL uses the javascript: scheme/);
  });

  it('keeps relative images as written when no resolver is given', () => {
    expect(renderMarkdown('![x](img/a.png)').html).toBe('<p><img src="img/a.png" alt="x"></p>');
  });

  it('keeps remote images by default and shows a placeholder in placeholder mode', () => {
    const md = '![A chart](https://cdn.example.com/chart.png)';
    expect(renderMarkdown(md).html).toBe('<p><img src="https://cdn.example.com/chart.png" alt="A chart"></p>');
    const { html } = renderMarkdown(md, { remoteImages: 'placeholder' });
    expect(html).toBe(
      '<p><span class="remote-image" title="https://cdn.example.com/chart.png">A chart (remote image not loaded: cdn.example.com)</span></p>',
    );
    expect(html).not.toContain('<img');
  });

  it('shows raw HTML remote images as placeholders too', () => {
    const { html } = renderMarkdown('<img src="https://user:pw@t.example:8080/p.gif">', {
      remoteImages: 'placeholder',
    });
    expect(html).toContain('Image (remote image not loaded: t.example)');
    expect(html).not.toContain('<img');
  });
});

describe('renderMarkdown: links', () => {
  it('maps relative links through resolveLink and keeps the rest as written', () => {
    const seen: string[] = [];
    const { html } = renderMarkdown('[a](other.md#part) [b](/about) [c](https://x.example)', {
      resolveLink: (href) => {
        seen.push(href);
        return href.startsWith('other.md') ? '../other/index.html#user-content-part' : null;
      },
    });
    expect(seen).toEqual(['other.md#part', '/about']);
    expect(html).toContain('<a href="../other/index.html#user-content-part">a</a>');
    expect(html).toContain('<a href="/about">b</a>');
  });

  it('holds the resolveLink answer to the link policy', () => {
    const { html, warnings } = renderMarkdown('[a](x.md)', { resolveLink: () => 'javascript:alert(1)' });
    expect(html).toBe('<p>a</p>');
    expect(warnings[0]).toMatch(/resolved URL uses the javascript: scheme/);
  });
});

describe('resolveImage', () => {
  it('is asked about exactly the relative images, in order', () => {
    const md =
      '![a](a.png) ![r](https://x.example/r.png) <img src=" b/c.png "> ![d](data:image/png;base64,AA==) ![j](javascript:x)';
    const asked: string[] = [];
    renderMarkdown(md, { resolveImage: (src) => (asked.push(src), src) });
    expect(asked).toEqual(['a.png', 'b/c.png']);
  });
});

describe('raw HTML: harmless structure kept, the rest left out with a warning', () => {
  it('keeps figure, figcaption, abbr, cite, dfn and time with their safe attributes only', () => {
    const { html, warnings } = renderMarkdown(
      '<figure class="x" style="width: 9px" onclick="alert(1)"><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>\n\n' +
        'An <abbr title="HyperText" onmouseover="x()">HTML</abbr> <cite>Book</cite> <dfn title="d">term</dfn> ' +
        '<time datetime="2020-01-02" style="color:red">2 Jan</time>.',
    );
    expect(html).toContain('<figure><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>');
    expect(html).toContain(
      '<abbr title="HyperText">HTML</abbr> <cite>Book</cite> <dfn title="d">term</dfn> <time datetime="2020-01-02">2 Jan</time>',
    );
    expect(warnings).toEqual([]);
  });

  it('leaves out iframe, video and script, warning once per tag', () => {
    const { html, warnings } = renderMarkdown(
      '<iframe src="https://e.example/"></iframe>\n\n<video src="v.mp4"><source src="v.webm"></video>\n\n' +
        '<iframe src="https://f.example/"></iframe>\n\n<script>alert(1)</script>\n\nText',
    );
    expect(html).not.toMatch(/<(iframe|video|source|script)/);
    expect(warnings).toEqual([
      'Raw HTML <iframe> was left out.',
      'Raw HTML <source> was left out.',
      'Raw HTML <video> was left out.',
      'Raw HTML <script> was left out.',
    ]);
  });
});

describe('block alignment, as READMEs write it', () => {
  it('keeps align on a paragraph, a div and a heading as a class, and nothing but left, center and right', () => {
    const { html, warnings } = renderMarkdown(
      '<p align="center"><img src="https://example.com/logo.png" alt="Logo"></p>\n\n<div align="RIGHT">Right.</div>\n\n<h2 align="left">Left</h2>\n\n<p align="justify">Just.</p>\n\n<span align="center">x</span>',
    );
    expect(html).toBe(
      '<p class="align-center"><img src="https://example.com/logo.png" alt="Logo"></p>\n<div class="align-right">Right.</div>\n<h2 id="user-content-left" class="align-left">Left</h2>\n<p>Just.</p>\n<p><span>x</span></p>',
    );
    expect(warnings).toEqual([]);
  });

  it("keeps a table's caption", () => {
    const { html } = renderMarkdown('<table><caption>Totals</caption><tr><td>1</td></tr></table>');
    expect(html).toBe('<table><caption>Totals</caption><tbody><tr><td>1</td></tr></tbody></table>');
  });
});

describe('table alignment', () => {
  it('is a class on the cell, never the obsolete align attribute', () => {
    const { html } = renderMarkdown(
      '| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n<table><tr><td align="right">x</td></tr></table>',
    );
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<th class="align-center">b</th>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).toContain('<td>4</td>');
    expect(html).toContain('<td class="align-right">x</td>');
  });
});

describe("site generators' syntax in prose: published as written, and said once per kind", () => {
  const [shortcodes, tags, admonitions] = TEMPLATE_NOTES;
  it('tells of Hugo shortcodes, template tags and admonitions in the prose, in a fixed order', () => {
    const { html, warnings } = renderMarkdown(
      [
        ':::tip Remember',
        'Docusaurus admonition.',
        ':::',
        '',
        'Watch {{< youtube ZJthWmvUzzc >}} and {{% notice %}}.',
        '',
        '{% include figure.html %} and {{ site.baseurl | relative_url }}.',
        '',
        '!!! warning "Careful"',
        '    The body.',
      ].join('\n'),
    );
    expect(warnings).toEqual([shortcodes, tags, admonitions]);
    // Published as written: the text is all there.
    expect(html).toContain('{{&#x3C; youtube ZJthWmvUzzc >}}');
    expect(html).toContain('{% include figure.html %}');
  });

  it('says nothing of them in code, raw HTML, a link destination or ordinary prose', () => {
    const { warnings } = renderMarkdown(
      [
        '```go-html-template',
        '{{< youtube id >}} {% raw %}',
        '```',
        '',
        '    {{ indented.code }}',
        '',
        'Inline `{{< x >}}` and `{% y %}`, a set {1, 2}, braces {{ set apart }} here.',
        '',
        '<div>{% html %}</div>',
        '',
        'Wow!!! That was great ::: really.',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
  });

  it('tells of a variable in an image path, which leaves the image as text', () => {
    // Jekyll's `{{ site.url }}/a.png`: the space makes it no destination, so no image either.
    const { html, warnings } = renderMarkdown('An image ![a]({{ site.url }}/a.png).');
    expect(html).toBe('<p>An image ![a]({{ site.url }}/a.png).</p>');
    expect(warnings).toEqual([tags]);
  });
});
