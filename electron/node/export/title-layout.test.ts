/**
 * The post page's title and date follow the one rule the preview follows (shared/markdown/title.ts):
 * never two H1s, and the date under whatever heading titles the page. The fixtures are the ones
 * e2e/export.spec.ts compares with the preview.
 */
import { realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPostHtml } from './post';

const fixtures = await realpath(fileURLToPath(new URL('../../../e2e/fixtures/titles', import.meta.url)));

/** The article's outline: each h1's text and each date, in order. */
async function outline(id: string): Promise<string[]> {
  const page = await renderPostHtml({ postsDir: fixtures, postId: id });
  if (!page.ok) throw new Error(page.error.message);
  const article = /<article>([\s\S]*)<\/article>/.exec(page.value.html)?.[1] ?? '';
  return [...article.matchAll(/<h1[^>]*>(.*?)<\/h1>|<p class="post-date">(.*?)<\/p>/g)].map((m) =>
    m[1] !== undefined ? `h1 ${m[1]}` : `date ${(m[2] ?? '').replace(/<[^>]+>/g, '')}`,
  );
}

describe('the title and date of an exported post', () => {
  it('takes the body’s opening H1 as the title, over a front-matter title, with the date under it', async () => {
    expect(await outline('both-titles.md')).toEqual(['h1 Body Title', 'date 4 March 2021']);
  });

  it('puts the date under the body’s opening H1 when there is no front-matter title', async () => {
    expect(await outline('body-title-dated.md')).toEqual(['h1 Only Body Title', 'date 5 March 2021']);
  });

  it('adds no title when the body’s H1 comes later', async () => {
    expect(await outline('later-title.md')).toEqual(['date 6 March 2021', 'h1 Later Title']);
  });
});
