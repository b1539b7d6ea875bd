import { mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPostHtml } from './post';
import { exportSite } from './site';

const tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'pw-export-lang-')));
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function htmlTag(name: string, text: string): Promise<string> {
  await writeFile(path.join(tmp, name), text);
  const page = await renderPostHtml({ postsDir: tmp, postId: name });
  if (!page.ok) throw new Error(page.error.message);
  return /<html[^>]*>/.exec(page.value.html)?.[0] ?? '';
}

describe('the language of an exported post page', () => {
  it('is the post’s own lang or language when it is a valid BCP 47 tag, right to left for RTL scripts', async () => {
    expect(await htmlTag('a.md', '---\nlang: ar\n---\nمرحبا\n')).toBe('<html lang="ar" dir="rtl">');
    expect(await htmlTag('b.md', '---\nlanguage: he-IL\n---\nשלום\n')).toBe('<html lang="he-IL" dir="rtl">');
    expect(await htmlTag('c.md', '---\nlang: fr_CA\n---\nBonjour\n')).toBe('<html lang="fr-CA">');
    expect(await htmlTag('d.md', '---\nlang: "not a tag"\n---\nHello\n')).toBe('<html lang="en">');
    expect(await htmlTag('e.fa.md', 'سلام دنیا\n')).toBe('<html lang="fa" dir="rtl">');
    expect(await htmlTag('f.md', 'Hello, world\n')).toBe('<html lang="en">');
  });

  it('names the language a right-to-left script most likely writes when the post names none, never English', async () => {
    expect(await htmlTag('g.md', 'مرحبا بالعالم، هذه تدوينة with a few English words\n')).toBe(
      '<html lang="ar" dir="rtl">',
    );
    expect(await htmlTag('h.md', 'שלום עולם, זה פוסט\n')).toBe('<html lang="he" dir="rtl">');
    // Syriac: right to left, and no guess at its language.
    expect(await htmlTag('i.md', 'ܫܠܡܐ ܥܠܡܐ\n')).toBe('<html lang="und" dir="rtl">');
    // A few Arabic words in an English post leave it English.
    expect(await htmlTag('j.md', 'Hello and welcome, which is مرحبا in Arabic.\n')).toBe('<html lang="en">');
  });

  it('lays out a post written in Arabic right to left even without a lang field (Zola’s corpus post)', async () => {
    const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/real-posts');
    const present = await stat(corpus).then(
      () => true,
      () => false,
    );
    if (!present) {
      console.warn(`Skipping the Arabic corpus post: no corpus at ${corpus}.`);
      return;
    }
    const page = await renderPostHtml({ postsDir: await realpath(corpus), postId: 'zola/tabi-markdown-arabic-rtl.md' });
    expect(page.ok && /<html[^>]*>/.exec(page.value.html)?.[0]).toBe('<html lang="ar" dir="rtl">');
  });

  it("names the post's date in its language on its page, and in the site's on the lists", async () => {
    const posts = path.join(tmp, 'dated');
    await mkdir(posts);
    await writeFile(path.join(posts, 'essai.md'), '---\ntitle: Essai\ndate: 2016-05-26\nlang: fr\n---\nBonjour.\n');
    await writeFile(path.join(posts, 'essay.md'), '---\ntitle: Essay\ndate: 2016-05-27\n---\nHello.\n');
    const out = path.join(tmp, 'dated-site');
    const result = await exportSite({ postsDir: posts, outDir: out });
    if (!result.ok) throw new Error(result.error.message);
    const page = async (file: string) => readFile(path.join(out, file), 'utf8');
    expect(await page('essai/index.html')).toContain('<time datetime="2016-05-26">26 mai 2016</time>');
    expect(await page('essay/index.html')).toContain('<time datetime="2016-05-27">27 May 2016</time>');
    // The index is the site's page, in its language.
    expect(await page('index.html')).toContain('<time datetime="2016-05-26">26 May 2016</time>');
  });
});
