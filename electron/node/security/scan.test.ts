/** The judge of the hostile-post tests must itself see what it looks for, and pass what is fine. */
import { describe, expect, it } from 'vitest';
import { bodyProblems, browserUrl, fragmentProblems } from './scan';

const STRICT = { remoteImages: false };

describe('fragmentProblems', () => {
  it.each([
    '<script>x</script>',
    '<img src="x.png" onerror="x">',
    '<a href="javascript:x">j</a>',
    '<a href=" \u0001java\tscript:x">j</a>',
    '<a href="JaVaScRiPt:x">j</a>',
    '<a href="vbscript:x">v</a>',
    '<a href="data:text/html,x">d</a>',
    '<a href="file:///etc/passwd">f</a>',
    '<a href="//evil.example/">p</a>',
    '<a href="/\\evil.example/">b</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<img src="https://evil.example/p.png">',
    '<iframe srcdoc="x"></iframe>',
    '<object data="x"></object>',
    '<embed src="x">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0">',
    '<form><button>b</button></form>',
    '<style>*{}</style>',
    '<p style="position:fixed">o</p>',
    '<link rel="stylesheet" href="x.css">',
    '<picture><source srcset="x.png"></picture>',
    '<img srcset="https://evil.example/p.png 2x" src="x.png">',
    '<svg><circle r="1"/></svg>',
    '<math><mi>x</mi></math>',
    '<input type="text">',
    '<a id="root" href="#x">c</a>',
    '<img name="getElementById" src="x.png">',
    '<div class="modal-backdrop">c</div>',
    '<a href="https://example.com/" target="_blank">t</a>',
    '<a href="https://example.com/" ping="https://evil.example/">p</a>',
  ])('flags %s', (html) => {
    expect(fragmentProblems(html, STRICT).length).toBeGreaterThan(0);
  });

  it('passes the markup the pipeline is meant to produce', () => {
    const html = [
      '<h1 id="user-content-title">Title</h1>',
      '<p><a href="https://example.com/">web</a> <a href="mailto:a@example.com">mail</a> <a href="#user-content-title">up</a></p>',
      '<p><a href="other-post.md">relative</a> <img src="/files/images/a.png" alt="a"> <img src="data:image/png;base64,iVBO" alt="d"></p>',
      '<pre><code class="hljs language-js"><span class="hljs-keyword">const</span></code></pre>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> todo</li></ul>',
      '<span class="remote-image" title="https://evil.example/p.png">Image (remote image not loaded)</span>',
      '<blockquote cite="https://example.com/">q</blockquote>',
    ].join('');
    expect(fragmentProblems(html, STRICT)).toEqual([]);
  });

  it('lets remote images stay only when asked (the export keeps them)', () => {
    const html = '<img src="https://example.com/p.png" alt="p">';
    expect(fragmentProblems(html, STRICT)).not.toEqual([]);
    expect(fragmentProblems(html, { remoteImages: true })).toEqual([]);
  });

  it('reads the markup as a browser does, through mutation tricks', () => {
    // The parser moves the <img> out of <noscript>'s attribute only in a browser's view.
    expect(fragmentProblems('<svg></p><style><a id="</style><img src=x onerror=alert(1)>">', STRICT)).not.toEqual([]);
    expect(fragmentProblems('<template><script>x</script></template>', STRICT)).not.toEqual([]);
  });
});

describe('bodyProblems', () => {
  it('judges the body of a page and leaves its head to the caller', () => {
    const page =
      '<!doctype html><html><head><meta charset="utf-8"><style>p{}</style></head><body><p>ok</p></body></html>';
    expect(bodyProblems(page, STRICT)).toEqual([]);
    expect(bodyProblems(page.replace('<p>ok</p>', '<p onclick="x">ok</p>'), STRICT)).not.toEqual([]);
  });
});

describe('browserUrl', () => {
  it('trims controls and spaces and drops tabs and newlines, like the URL parser', () => {
    expect(browserUrl(' \u0001java\tscr\nipt:x \u0000')).toBe('javascript:x');
  });
});
