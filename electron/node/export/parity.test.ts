/**
 * Preview/export parity: the body of an exported page is the preview's HTML for the same post.
 * Both go through renderMarkdown; only the image options differ, and only in URLs:
 *  - the preview loads local images from `/files/<path>`, the single-file export inlines them as
 *    data: URIs. Both sides here resolve the same images (those the export can include; the real
 *    preview would also show a broken image for a missing file), and every `<img src>` value is
 *    then replaced by one token;
 *  - the preview shows a remote image as a labelled placeholder, the export keeps the `<img>`:
 *    each is replaced by one token (with the URL, so a different image still fails);
 *  - the exported page adds `tabindex="0"` to code blocks and tables wide enough to scroll on a
 *    phone (./scrollers.ts), which is removed before comparing;
 *  - the exported page runs no script, so its ids and anchors drop the sanitizer's `user-content-`
 *    prefix (./anchors.ts): the preview's HTML is given the same treatment before comparing.
 * Everything else — markup, attributes, ids, highlighting, footnotes, text — must be equal.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
import { plainIds } from './anchors';
import { assetSink, postImages } from './assets';
import { readSource } from './collect';
import { renderPostHtml } from './post';
import { walkPosts } from '../store/walk';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Its real path: posts are located inside the folder as the store sees it (it opens its root by real path).
const corpus = await realpath(path.resolve(repoRoot, '../shared/corpus')).catch(() =>
  path.resolve(repoRoot, '../shared/corpus'),
);
const corpusPresent = await stat(path.join(corpus, 'real-posts')).then(
  () => true,
  () => false,
);
if (!corpusPresent) console.warn(`Skipping the corpus parity tests: no corpus at ${corpus}.`);

/** The preview's HTML for a post, as renderer/preview/renderPost.ts renders it. */
async function previewHtml(postsDir: string, id: string): Promise<string> {
  const source = await readSource(postsDir, id);
  if ('problem' in source) throw new Error(source.problem);
  const body = source.parsed.body;
  const includable = postImages(path.dirname(source.real), assetSink('inline', postsDir, ''));
  const folder = path.posix.dirname(id) === '.' ? '' : `${path.posix.dirname(id)}/`;
  return renderMarkdown(body, {
    remoteImages: 'placeholder',
    resolveImage: (src) => (includable.resolve(src) === null ? null : `/files/${encodeURI(folder + src)}`),
  }).html;
}

/** The body of an exported post page: what sits in `<article>` after the post's own header. */
function exportedBody(page: string): string {
  const start = page.indexOf('<article>\n');
  const end = page.lastIndexOf('\n</article>');
  if (start < 0 || end < 0) throw new Error('the page has no <article>');
  let inner = page.slice(start + '<article>\n'.length, end);
  if (inner.startsWith('<header class="post-header">')) inner = inner.slice(inner.indexOf('</header>') + 9);
  if (!inner.startsWith('\n')) throw new Error('unexpected article layout');
  // The date under a body's opening H1 (shared/markdown/title.ts) is the page's, not the body's.
  return inner.slice(1).replace(/^(<h1[^>]*>.*?<\/h1>)\n<p class="post-date">.*?<\/p>/s, '$1');
}

function normalise(html: string): string {
  return (
    html
      // The exported page makes its wide code blocks and tables focusable (./scrollers.ts); the body is the same.
      .replace(/<(pre|table) tabindex="0"/g, '<$1')
      .replace(/<span class="remote-image" title="([^"]*)">[^<]*<\/span>/g, '[remote image $1]')
      .replace(/<img src="(https?:[^"]*)"[^>]*>/g, '[remote image $1]')
      .replace(/(<img\b[^>]*?) src="[^"]*"/g, '$1 src="IMAGE"')
  );
}

async function checkPost(postsDir: string, id: string): Promise<void> {
  const page = await renderPostHtml({ postsDir, postId: id });
  if (!page.ok) {
    // A post the export refuses (front matter that does not parse) has no page to compare.
    expect(page.error.code, `${id}: ${page.error.message}`).toBe('PARSE');
    return;
  }
  expect(normalise(exportedBody(page.value.html)), id).toBe(normalise(plainIds(await previewHtml(postsDir, id))));
}

const samples = path.join(repoRoot, 'posts');
const sampleIds = await walkPosts(samples);
const corpusFolders = corpusPresent ? [path.join(corpus, 'real-posts'), path.join(corpus, 'seed')] : [];
const corpusPosts = (
  await Promise.all(corpusFolders.map(async (dir) => (await walkPosts(dir)).map((id) => ({ dir, id }))))
).flat();

// One test per post, so that a failure names its post and a slow post does not starve the rest.
describe('preview/export parity', () => {
  it('covers the samples and, when present, the whole corpus', () => {
    expect(sampleIds.length).toBeGreaterThanOrEqual(3);
    if (corpusPresent) expect(corpusPosts.length).toBeGreaterThanOrEqual(70);
  });

  it.each(sampleIds)('holds for the sample post %s', async (id) => {
    await checkPost(samples, id);
  });

  it.each(corpusPosts.map(({ dir, id }) => [`${path.basename(dir)}/${id}`, dir, id] as const))(
    'holds for the corpus post %s',
    async (_name, dir, id) => {
      await checkPost(dir, id);
    },
    30_000,
  );

  it('would notice a body that differs', () => {
    const a = renderMarkdown('Hello *world*', { remoteImages: 'placeholder' }).html;
    const b = renderMarkdown('Hello **world**').html;
    expect(normalise(a)).not.toBe(normalise(b));
    const remote = '![x](https://example.com/a.png)';
    expect(normalise(renderMarkdown(remote, { remoteImages: 'placeholder' }).html)).toBe(
      normalise(renderMarkdown(remote).html),
    );
  });
});
