import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, type SiteReport } from './site';
import { AUTHOR_CONTENT_RULES, brokenReferences, filesBelow, htmlProblems, pageProblems, xmlProblem } from './testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = await stat(path.join(corpus, 'real-posts')).then(
  () => true,
  () => false,
);
if (!present) console.warn(`Skipping the corpus export tests: no corpus at ${corpus}.`);

describe.skipIf(!present)('exporting the real-post corpus and the seed', () => {
  let tmp: string;
  let out: string;
  let report: SiteReport;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-export-corpus-'));
    await cp(path.join(corpus, 'real-posts'), path.join(tmp, 'posts', 'real-posts'), { recursive: true });
    await cp(path.join(corpus, 'seed'), path.join(tmp, 'posts', 'seed'), { recursive: true });
    out = path.join(tmp, 'site');
    const result = await exportSite({
      postsDir: path.join(tmp, 'posts'),
      outDir: out,
      siteUrl: 'https://example.com/',
      drafts: true,
    });
    if (!result.ok) throw new Error(result.error.message);
    report = result.value;
  }, 120_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('exports every post, the seed at its own path', async () => {
    const sources = (await filesBelow(path.join(tmp, 'posts'))).filter((f) => /\.(md|markdown)$/i.test(f));
    const skipped = report.warnings.filter((w) => /not exported|does not parse/.test(w));
    expect(report.posts + skipped.length).toBe(sources.length);
    const seed = await readFile(path.join(out, 'blog/focus-is-the-ultimate-process/index.html'), 'utf8');
    expect(seed).toContain('<h1>Focus is the Ultimate Process</h1>');
    expect(seed).toContain('<p class="post-date"><time datetime="2016-05-26">26 May 2016</time></p>');
  });

  it('writes valid, inert pages (author-content rules relaxed)', async () => {
    for (const file of (await filesBelow(out)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(out, file), 'utf8');
      expect({ file, problems: pageProblems(html) }).toEqual({ file, problems: [] });
      expect({ file, problems: await htmlProblems(html, AUTHOR_CONTENT_RULES) }).toEqual({ file, problems: [] });
    }
  });

  it('resolves every image, and every link the export itself writes', async () => {
    expect(await brokenReferences(out, { onlySrc: true })).toEqual([]);
    // The authors' own links inside <article> point at their old sites; the rest are ours.
    const ours = (file: string, html: string) => html.replace(/<article>[\s\S]*<\/article>/, '');
    expect(await brokenReferences(out, { region: ours })).toEqual([]);
  });

  it('writes a well-formed feed and sitemap', async () => {
    expect(xmlProblem(await readFile(path.join(out, 'feed.xml'), 'utf8'))).toBeNull();
    expect(xmlProblem(await readFile(path.join(out, 'sitemap.xml'), 'utf8'))).toBeNull();
  });
});
