/**
 * Hostile posts through the export: a whole site and every post as a single file. The pages are
 * inert, front-matter values are text, nothing outside the posts folder is read, and nothing is
 * written outside the output folder, whatever `path`, `cover` or image references say.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPost } from '../export/post';
import { exportSite } from '../export/site';
import { clearSentinels, HOSTILE_DIR, HOSTILE_POSTS, sentinels, tripwires } from './hostile';
import { attribute, bodyProblems, documentElements, fragmentProblems } from './scan';

/** Exported pages keep remote images (the site's CSP allows https images) and use the theme's classes. */
// Exported pages run no script (headProblems checks their CSP), so their ids are plain (../export/anchors.ts).
const EXPORTED = { remoteImages: true, anyClass: true, scriptless: true };
const SECRET = `OUTSIDE-SECRET-${String(process.pid)}`;
let base = '';
let posts = '';
let site = '';

/** Every file below a folder, relative and `/`-separated. */
async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** What may sit in the `<head>` of an exported page: the shell's own tags, nothing from a post. */
function headProblems(html: string): string[] {
  const problems: string[] = [];
  let csp = 0;
  for (const { element, inHead } of documentElements(html)) {
    if (!inHead || element.tagName === 'head') continue;
    const get = (name: string) => attribute(element, name);
    const tag = element.tagName;
    if (tag === 'title' || tag === 'style') continue;
    if (tag === 'meta' && get('http-equiv') === 'Content-Security-Policy') {
      csp += 1;
      const policy = get('content') ?? '';
      if (!policy.includes("default-src 'none'") || /script-src|unsafe-eval/.test(policy))
        problems.push(`weak CSP: ${policy}`);
    } else if (
      tag === 'meta' &&
      (get('charset') !== undefined || /^(viewport|referrer|description)$/.test(get('name') ?? ''))
    ) {
      continue;
    } else if (tag === 'meta' && /^og:[a-z_]+$/.test(get('property') ?? '') && get('http-equiv') === undefined) {
      continue;
    } else if (
      tag === 'link' &&
      /^(canonical|alternate)$/.test(get('rel') ?? '') &&
      /^(https:\/\/blog\.example\/|[a-z0-9.])/i.test(get('href') ?? '')
    ) {
      continue;
    } else problems.push(`<${tag} ${element.attrs.map((a) => `${a.name}="${a.value}"`).join(' ')}> in <head>`);
  }
  if (csp !== 1) problems.push(`${String(csp)} CSP meta tags`);
  return problems;
}

/** The HTML of each `<content type="html">` entry of an Atom feed, unescaped. */
function feedContents(xml: string): string[] {
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<content type="html"[^>]*>([\s\S]*?)<\/content>/g)].map((m) => unescape(m[1] ?? ''));
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-hostile-export-'));
  posts = path.join(base, 'posts');
  site = path.join(base, 'site');
  await cp(HOSTILE_DIR, posts, { recursive: true });
  // Outside the posts folder: a secret image, a folder of them, a post; links leading to them.
  await writeFile(path.join(base, 'outside-secret.png'), SECRET);
  await mkdir(path.join(base, 'outside-folder'));
  await writeFile(path.join(base, 'outside-folder', 'secret.png'), SECRET);
  await writeFile(path.join(base, 'outside.md'), `---\ntitle: "${SECRET}"\n---\n${SECRET}\n`);
  await symlink(path.join(base, 'outside-secret.png'), path.join(posts, 'images', 'escape.png'));
  await symlink(path.join(base, 'outside-folder'), path.join(posts, 'linked'));
  await clearSentinels();
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe.skipIf(HOSTILE_POSTS.length === 0)('exporting the hostile posts as a site', () => {
  let warnings: string[] = [];

  beforeAll(async () => {
    const before = await filesBelow(base);
    const result = await exportSite({
      postsDir: posts,
      outDir: site,
      siteUrl: 'https://blog.example/',
      drafts: true,
      siteTitle: '<script>window.__pwned="site-title"</script>',
    });
    if (!result.ok) throw new Error(`the export failed: ${result.error.message}`);
    warnings = result.value.warnings;
    // Nothing was written anywhere but the output folder.
    const after = (await filesBelow(base)).filter((file) => !file.startsWith('site/'));
    expect(after.sort()).toEqual(before.sort());
  }, 120_000);

  it('writes only pages, feeds and raster images, none of them carrying the secret', async () => {
    const files = await filesBelow(site);
    expect(files.length).toBeGreaterThan(HOSTILE_POSTS.length / 2);
    for (const file of files) {
      expect(file, file).toMatch(
        /^(.+\.html|feed\.xml|sitemap\.xml|\.postwright-export|assets\/[a-f0-9]+-[a-z0-9-]+\.(png|jpe?g|gif|webp|avif))$/,
      );
      expect((await readFile(path.join(site, ...file.split('/')))).includes(SECRET), file).toBe(false);
    }
  });

  it('writes every page inert, with only its own shell in the head', async () => {
    const pages = (await filesBelow(site)).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      const html = await readFile(path.join(site, ...page.split('/')), 'utf8');
      expect(bodyProblems(html, EXPORTED), page).toEqual([]);
      expect(headProblems(html), page).toEqual([]);
    }
  });

  it('writes a feed whose HTML is inert', async () => {
    const feed = await readFile(path.join(site, 'feed.xml'), 'utf8');
    const contents = feedContents(feed);
    expect(contents.length).toBeGreaterThan(0);
    // Shown inside readers' pages, which run scripts: a feed's ids keep the prefix (../export/anchors.ts).
    for (const content of contents) expect(fragmentProblems(content, { ...EXPORTED, scriptless: false })).toEqual([]);
    // Outside the escaped HTML, the feed holds XML elements only: no markup from a post.
    expect(feed.replace(/<content type="html"[^>]*>[\s\S]*?<\/content>/g, '')).not.toMatch(
      /<(script|img|svg|a|iframe)\b/i,
    );
  });

  it('leaves out, with a reason, every image that climbs out or is not a raster image', () => {
    const about = (src: string) => warnings.filter((w) => w.includes(`"${src}"`));
    for (const src of [
      '../outside-secret.png',
      'images/escape.png',
      'linked/secret.png',
      '../../../../../../etc/passwd',
    ]) {
      expect(about(src).length, src).toBeGreaterThan(0);
    }
    expect(about('images/evil.svg').join(' ')).toMatch(/SVG/);
  });

  it('refuses every front-matter path that would leave the output folder or take a site file', () => {
    for (const slug of [
      'path-backslash',
      'path-drive',
      'path-encoded',
      'path-protocol-relative',
      'path-full-url',
      'path-reserved-assets',
      'path-reserved-feed',
      'path-nul',
      'path-windows-reserved',
      'path-overlong-utf8',
      'fm-climbing-path',
    ]) {
      const post = HOSTILE_POSTS.find((name) => name.includes(slug)) ?? slug;
      expect(
        warnings.some((w) => w.startsWith(`${post}: not exported`)),
        post,
      ).toBe(true);
    }
  });

  it('decodes a front-matter path once: a double-encoded climb stays a literal folder inside the site', async () => {
    const files = await filesBelow(site);
    expect(files).toContain('%2e%2e/%2e%2e/tmp/postwright-pwned-double/index.html');
    expect(files.filter((file) => file.includes('postwright-pwned-double'))).toHaveLength(1);
  });

  it('ran nothing and polluted nothing', async () => {
    expect(await sentinels()).toEqual([]);
    expect(tripwires()).toEqual([]);
  });
});

describe.skipIf(HOSTILE_POSTS.length === 0)('exporting each hostile post as a single file', () => {
  it.each(HOSTILE_POSTS)('%s', async (name) => {
    const outFile = path.join(base, 'single', name.replace(/\.md$/, '.html'));
    const result = await exportPost({ postsDir: posts, postId: name, outFile, singleFile: true });
    if (!result.ok) {
      // Only a front matter that does not parse may stop it, and it says so.
      expect(result.error.code).toBe('PARSE');
      return;
    }
    const html = await readFile(outFile, 'utf8');
    expect(bodyProblems(html, EXPORTED)).toEqual([]);
    expect(headProblems(html)).toEqual([]);
    const inlined = [...html.matchAll(/data:image\/[a-z]+;base64,([A-Za-z0-9+/=]+)/g)].map((m) =>
      Buffer.from(m[1] ?? '', 'base64'),
    );
    for (const bytes of inlined) expect(bytes.includes(SECRET)).toBe(false);
    expect(await sentinels()).toEqual([]);
    expect(tripwires()).toEqual([]);
  });
});
