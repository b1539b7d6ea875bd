import { describe, expect, it } from 'vitest';
import { parsePost } from './post';
import { inferFolderStyle, newPostText } from './style';

const POST = { title: 'Say "Hi": now', slug: 'say-hi-now', date: '2024-03-05' };

function seed(slug: string, date: string, title: string): string {
  return `---\npath:\t"/blog/${slug}"\ndate:\t"${date}"\ntitle:\t"${title}"\n---\n\nBody\n`;
}

describe('inferFolderStyle / newPostText', () => {
  it('writes the author’s own style exactly', () => {
    const style = inferFolderStyle([seed('b', '2016-06-01', 'B'), seed('a', '2016-05-26', 'A')]);
    expect(newPostText(style, POST)).toBe(
      '---\npath:\t"/blog/say-hi-now"\ndate:\t"2024-03-05"\ntitle:\t"Say \\"Hi\\": now"\n---\n\n',
    );
  });

  it('uses a plain YAML default with no posts', () => {
    expect(newPostText(inferFolderStyle([]), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate: "2024-03-05"\ndraft: true\n---\n\n',
    );
  });

  it('follows a Jekyll folder: plain strings, unquoted datetimes with offset, common keys and shared values', () => {
    const posts = [
      '---\nlayout: post\ntitle: One\ndate: 2016-10-06 11:10:38 -0700\ntags: [a]\n---\n',
      '---\nlayout: post\ntitle: Two\ndate: 2017-01-02 09:00:00 -0700\ntags: [b]\nextra: x\n---\n',
      '---\nlayout: post\ntitle: Three\ndate: 2018-01-02 09:00:00 -0700\ntags: []\n---\n',
    ];
    const text = newPostText(inferFolderStyle(posts), { title: 'Plain', slug: 'plain', date: '2024-03-05' });
    expect(text).toBe('---\nlayout: post\ntitle: Plain\ndate: 2024-03-05 00:00:00 -0700\ntags: []\n---\n\n');
    expect(parsePost(text).frontMatter.editable).toBe(true);
  });

  it('follows a TOML folder and its line endings', () => {
    const posts = [
      '+++\r\ntitle = "A"\r\ndate = 2017-01-01\r\n+++\r\n',
      '+++\r\ntitle = "B"\r\ndate = 2017-01-02\r\n+++\r\n',
    ];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '+++\r\ntitle = "Say \\"Hi\\": now"\r\ndate = 2024-03-05\r\n+++\r\n\r\n',
    );
  });

  it('aligns values when the folder does', () => {
    const posts = ['---\ntitle:  "A"\ndate:   "2020-01-01"\n---\n', '---\ntitle:  "B"\ndate:   "2020-01-02"\n---\n'];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate:  "2024-03-05"\n---\n\n',
    );
  });

  it('repeats a shared one-word setting but never shared prose', () => {
    const post = (title: string) => `---\ntitle: ${title}\nlayout: post\nexcerpt: Lorem ipsum dolor\n---\n`;
    const text = newPostText(inferFolderStyle([post('A'), post('B')]), { title: 'C', slug: 'c', date: '2024-03-05' });
    expect(text).toBe('---\ntitle: C\nlayout: post\nexcerpt: ""\n---\n\n');
  });

  it('ignores posts it cannot learn from', () => {
    const style = inferFolderStyle(['no front matter', '---js\n{}\n---\n', seed('a', '2016-05-26', 'A')]);
    expect(style.separator).toBe(':\t');
  });
});
