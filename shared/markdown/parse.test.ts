/**
 * The Markdown parser (./parse.ts: markdown-it, its tokens made into mdast) reads what
 * remark-parse with remark-gfm read before it (./reference.ts), node for node: on every example of
 * the CommonMark spec and on GFM's constructs. The few differences are listed, each with why the
 * new reading is kept. The sample and corpus posts: electron/node/export/parser.test.ts.
 */
import * as spec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse';
import { parsedHtml, referenceHtml } from './reference';

describe('the parser reads what remark-parse and remark-gfm read', () => {
  it('on every example of the CommonMark spec (0.31.2) but one', () => {
    const differ = spec.tests.filter((test) => referenceHtml(test.markdown) !== parsedHtml(test.markdown));
    // 173: an unclosed <style> at the end of the text; micromark keeps the last line's newline inside it.
    expect(differ.map((test) => test.number)).toEqual([173]);
    expect(spec.tests.length).toBeGreaterThan(600);
  });

  it.each([
    ['a table with alignment, short and long rows', '| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |'],
    ['escaped pipes and inline Markdown in cells', '| a \\| b | c |\n| --- | :-: |\n| `x \\| y` | *z* |'],
    ['a table without outer pipes', 'a | b\n--|--\n1 | 2'],
    ['a table in a list item', '- | a |\n  | - |\n  | b |'],
    ['strikethrough of one and two tildes; three are text', '~~two~~, ~one~, ~~~three~~~, ~~a~ and ~b~~'],
    ['strikethrough inside words and with spaces', 'a~b~c ~~ not ~~ x~~y~~z \\~\\~escaped\\~\\~'],
    ['task list items', '- [ ] todo\n- [x] done\n- [X] Done\n- [ ]\n- [ ]  two spaces\n- [ ]\ttab\n- [x]\n  next line'],
    ['tasks in an ordered, a loose and a quoted list', '1. [ ] a\n2. [x] *b*\n\n- [ ] c\n\n- [x] d\n\n> - [ ] e'],
    ['what is not a task', '- not [ ] task\n- [] no\n- [y] no\n-  [x]'],
    [
      'footnotes: numbering, repeated and case-insensitive calls, long definitions, a missing one',
      'A[^1], b[^note], c[^Note], d[^missing].\n\n[^1]: One.\n[^note]: Two\n    more\n\n    And a paragraph.',
    ],
    [
      'a footnote in a table, an unused and a duplicate definition',
      'x | y\n--|--\nr[^f] | s\n\n[^f]: first\n[^f]: second\n\n[^u]: unused',
    ],
    [
      'autolink literals',
      'www.example.com, https://example.com/p?q=1. mail@example.com! (www.example.com) http://x.y/a_(b) x@y.z www.a.b/c?d=e&f=g; http://a.b/c)',
    ],
    [
      'autolink literals beside links and emphasis',
      '[www.a.com](http://b) <https://c.d> <e@f.gh> **www.g.com** _http://h.ij_',
    ],
    ['tight and loose lists, nested', '- a\n- b\n\n  c\n- d\n\n1. x\n   - y\n     - z\n\n   w'],
    ['fences with info strings and meta', '```js title="x"\ncode\n```\n\n~~~\nno lang\n~~~\n\n``` a\\_b c\n```'],
    [
      'breaks, escapes, entities and raw HTML',
      'Hard  \nbreak\\\n\\*no\\* &amp; &copy; &#35; <span>in</span>\n\n<div>\n*raw*\n</div>',
    ],
    ['images and references', '![alt *em* `code`](img.png "title") [ref][r] [r] [R][]\n\n[r]: /url "T"'],
    ['a byte order mark', '\uFEFF# Title\n\ntext'],
    [
      'literal URLs with emphasis markers in their paths',
      'https://github.com/a/b/__init__.py, *https://x.org/a*b* and www.x.com/_y_',
    ],
    ['literal URLs and brackets', '(see https://x.org/a_(b)_c) www.x.com] www.x.com](y) [www.x.com'],
    [
      'literal URLs and character references',
      'http://x.com/a&amp;b http://x.com/a&amp; http://x.com/a&b; www.x.com/&hellip;',
    ],
    ['what is not a literal URL', 'www.example.com. foohttp://x.com xwww.x.com https:// www. http://_x.com'],
    ['underscores in domains', 'www.x_y.com www.a_b.c.com www.a.b_c www.a.b_c.d https://a.b.c/d?e=f#g!'],
    [
      'URLs in code, autolinks, raw links and images',
      '<www.x.com> `www.x.com` <a href="x">www.y.com</a> ![www.z.com](i.png)',
    ],
    ['URLs in capitals, tildes and quotes', 'HTTP://X.COM Www.X.com http://x.com/~a~ http://x.com/"q" ~www.x.com~'],
    ['URLs beside emphasis', 'http://x.com/path?q=a*b*c* text* and __http://x.com/__'],
    ['URLs with other scripts', 'https://ja.wikipedia.org/wiki/日本語 http://x.com/a）b www.例え.jp/x'],
    [
      'e-mails and URLs in some blocks only, written with references and escapes',
      'plain text\n\n> mail&#64;example.com and www&#46;x.com\n\n- item\n- HTTPS&#58;//x.org b\\@c.de\n\n| a |\n|---|\n| x@y.zz |\n\n# x@y.zz',
    ],
    ['URLs at line ends', 'a\nhttp://x.com\nb www.x.com\n\nhttp://x.com*'],
  ])('on %s', (_name, markdown) => {
    expect(parsedHtml(markdown)).toBe(referenceHtml(markdown));
  });

  it('links `mailto:` and `xmpp:` addresses whole, as the GFM spec does (remark linked only the address)', () => {
    // GFM 0.29 extended e-mail autolinks: https://github.github.com/gfm/#extended-email-autolink
    expect(parsedHtml('mailto:x@y.zz and xmpp:a@b.cd/e')).toBe(
      '<p><a href="mailto:x@y.zz">mailto:x@y.zz</a> and <a href="xmpp:a@b.cd/e">xmpp:a@b.cd/e</a></p>',
    );
    expect(referenceHtml('mailto:x@y.zz')).toBe('<p>mailto:<a href="mailto:x@y.zz">x@y.zz</a></p>');
  });

  it('reads CRLF and CR line endings as LF', () => {
    const text = '# Title\n\nA paragraph\nof two lines.\n\n- a\n- b\n\n```\ncode\n```\n';
    const lf = parsedHtml(text);
    expect(parsedHtml(text.replace(/\n/g, '\r\n'))).toBe(lf);
    expect(parsedHtml(text.replace(/\n/g, '\r'))).toBe(lf);
  });
});

describe('the tree', () => {
  it("gives every list item its list's looseness (render.ts asks the item, not the whole list)", () => {
    let lists = 0;
    for (const test of spec.tests) {
      const stack: Nodes[] = [parseMarkdown(test.markdown)];
      for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        if (node.type === 'list') {
          lists++;
          const loose = node.spread === true || node.children.some((item) => item.spread === true);
          for (const item of node.children) expect(item.spread, test.markdown).toBe(loose);
        }
        if ('children' in node) stack.push(...node.children);
      }
    }
    expect(lists).toBeGreaterThan(80);
  });
});
