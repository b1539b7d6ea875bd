import { describe, expect, it } from 'vitest';
import { countLabel, proseText, readingLabel, readingMinutes, textStats } from './wordCount';

// Real posts: the project's samples, and the corpus beside the repository (skipped when absent).
const samples = import.meta.glob<string>('../../posts/*.md', { query: '?raw', import: 'default', eager: true });
const corpus = import.meta.glob<string>('../../../shared/corpus/{seed,real-posts/hexo}/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The body of a post: what follows the front matter's closing `---` line. */
function bodyOf(post: string): string {
  const end = post.indexOf('\n---\n', 1);
  return end === -1 ? post : post.slice(end + 5);
}

function corpusBody(name: string): string | null {
  const entry = Object.entries(corpus).find(([path]) => path.endsWith(name));
  if (entry === undefined) console.log(`[wordCount.test] skipped ${name}: ../shared/corpus not found`);
  return entry === undefined ? null : bodyOf(entry[1]);
}

describe('textStats on real posts', () => {
  it('counts the sample post of every Markdown feature as a reader sees it (counted by hand: 100 words)', () => {
    const post = Object.entries(samples).find(([path]) => path.endsWith('markdown-features.md'))?.[1];
    expect(post).toBeDefined();
    // Tables, task lists, headings, lists and the footnote count; the code block, the image and URLs do not.
    expect(textStats(bodyOf(post ?? '')).words).toBe(100);
  });

  it('counts an English essay like a word processor (456 words, 2,637 characters by an independent count)', () => {
    const body = corpusBody('seed/focus-is-the-ultimate-process.md');
    if (body === null) return;
    expect(textStats(body)).toEqual({ words: 456, characters: 2637, ideographs: 0 });
    expect(readingLabel(textStats(body))).toBe('2 min read');
  });

  it('counts each Han and kana character of real Japanese and Chinese posts as a word', () => {
    const japanese = corpusBody('hexo/unittest-japanese-title.md');
    const chinese = corpusBody('hexo/unittest-chinese-title.md');
    if (japanese === null || chinese === null) return;
    // Ideographs counted with Python's unicodedata (letters only: 、 and 。 are not words); Latin words by spaces.
    expect(textStats(japanese)).toMatchObject({ words: 427 + 9, ideographs: 427 });
    expect(textStats(chinese)).toMatchObject({ words: 404 + 10, ideographs: 404 });
    expect(readingLabel(textStats(chinese))).toBe('1 min read');
  });
});

describe('textStats rules', () => {
  it('leaves out link targets, images, tags, comments, template tags and fenced code', () => {
    expect(textStats('Hello, *world*! See [the docs](https://example.com/a-b-c "Docs").').words).toBe(5);
    expect(textStats('![a long alt text](x.png) <img src="x.png" alt="x"> <!-- a\nnote -->').words).toBe(0);
    expect(textStats('{{< figure src="a.png" caption="A caption" >}}\n{% include note.html %} ok').words).toBe(1);
    expect(textStats('Before\n\n```js\nconst a = 1;\n\nmore code\n```\n\n~~~\nplain\n~~~\n\nafter').words).toBe(2);
    expect(textStats('An unclosed fence\n\n```\nhides the rest').words).toBe(3);
    expect(textStats('```inline``` code is text').words).toBe(4);
    expect(textStats('Read [this][ref].\n\n[ref]: https://example.com "Title"').words).toBe(2);
  });

  it('counts list, heading, quote and table text but not their markers', () => {
    expect(textStats('# One\n\n1. two\n2) three\n- [x] four\n> five\n\n| six | seven |\n|---|:-:|\n|a|b|').words).toBe(
      9,
    );
    expect(textStats('Title\n=====\n\n---\n\n* * *').words).toBe(1);
  });

  it('keeps contractions, hyphenated, dotted and numbered words whole, and a URL as one word', () => {
    expect(textStats("Don't over-think e.g. v1.2 — it's 1,450 km at https://example.com/a-b?c=d").words).toBe(9);
    expect(textStats('<https://example.com/a-b> and <me@example.com>').words).toBe(3);
  });

  it('counts Hangul by spaces and splits Thai with the dictionary', () => {
    expect(textStats('안녕하세요 세계').words).toBe(2);
    expect(textStats('ภาษาไทยง่ายนิดเดียว').words).toBeGreaterThan(2);
  });

  it('counts characters as seen: spaces once, accents and emoji once, Markdown not at all', () => {
    expect(textStats('**Hi**  there,\n\n_you_').characters).toBe('Hi there, you'.length);
    expect(textStats('café (e\u0301) 👍🏽 👨‍👩‍👧 🇫🇷 ❤️').characters).toBe(16);
    expect(textStats('a&nbsp;b &amp; caf&eacute;').characters).toBe(10);
    expect(textStats('').characters).toBe(0);
  });

  it('stays linear on hostile text', () => {
    const hostile = `a${'-'.repeat(200_000)}\n${'*'.repeat(100_000)}b\n${'<'.repeat(50_000)}\n${'[](('.repeat(20_000)}`;
    const started = performance.now();
    textStats(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('removes block syntax and targets from the text, and passes over inline markers when counting', () => {
    expect(proseText('## A *b* [c](d) `e` <i>f</i>').trim()).toBe('A *b* [c] `e` f');
    expect(textStats('*a* `b` [c] \\*d\\* x|y').characters).toBe('a b c *d* x y'.length);
  });
});

describe('reading time and labels', () => {
  it('reads 230 words or 500 Han and kana characters a minute, at least one minute for any text', () => {
    expect(readingMinutes({ words: 460, characters: 0, ideographs: 0 })).toBe(2);
    expect(readingMinutes({ words: 1000, characters: 0, ideographs: 1000 })).toBe(2);
    expect(readingLabel({ words: 3, characters: 12, ideographs: 0 })).toBe('1 min read');
    expect(readingLabel({ words: 0, characters: 0, ideographs: 0 })).toBeNull();
    expect(readingLabel({ words: 1020, characters: 0, ideographs: 0 })).toBe('4 min read');
  });

  it('says "120 of 1,450 words" for a selection, and the singular for one', () => {
    expect(countLabel(1450, 120, 'word')).toBe('120 of 1,450 words');
    expect(countLabel(1, null, 'word')).toBe('1 word');
    expect(countLabel(8210, null, 'character')).toBe('8,210 characters');
    expect(countLabel(1, 1, 'character')).toBe('1 of 1 character');
  });
});
