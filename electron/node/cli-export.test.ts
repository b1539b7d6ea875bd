import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, parseArgs } from './cli-export';

let tmp: string;
let stdout: string;
let stderr: string;
const io = () => ({
  stdout: (t: string) => void (stdout += t),
  stderr: (t: string) => void (stderr += t),
  now: () => 0,
});

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-cli-'));
  stdout = '';
  stderr = '';
  await mkdir(path.join(tmp, 'posts'));
  await writeFile(path.join(tmp, 'posts', 'a.md'), '---\ntitle: A\ndate: "2020-01-01"\n---\n![gone](missing.png)\n');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('parseArgs', () => {
  it('reads flags in both forms', () => {
    expect(parseArgs(['--posts', 'p', '--out=o', '--site-url', 'https://x.example', '--drafts'])).toEqual({
      posts: 'p',
      out: 'o',
      siteUrl: 'https://x.example',
      drafts: true,
      keepOtherFiles: false,
    });
    expect(parseArgs(['--posts', 'p', '--out', 'o', '--keep-other-files'])).toMatchObject({ keepOtherFiles: true });
  });

  it.each([
    [['--posts', 'p'], 'missing --out <dir>'],
    [['--out', 'o'], 'missing --posts <dir>'],
    [['--posts', 'p', '--out'], '--out needs a value'],
    [['--posts', '--out', 'o'], '--posts needs a value'],
    [['--posts', 'p', '--out', 'o', '--bogus'], 'unknown argument "--bogus"'],
  ])('%j → %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ error: expect.stringContaining(error) as string });
  });
});

describe('main', () => {
  it('exports, prints progress on stderr and a summary on stdout, and exits 0', async () => {
    const out = path.join(tmp, 'site');
    const code = await main(
      ['--posts', path.join(tmp, 'posts'), '--out', out, '--site-url', 'https://x.example/'],
      io(),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Exported 1 post (2 pages) to ${out} in 0.0 s; 1 warning.\n`);
    expect(stderr).toContain('Exporting posts: 1/1\n');
    expect(stderr).toContain('warning: a.md: image "missing.png" was left out: the file was not found\n');
    expect(await readFile(path.join(out, 'a', 'index.html'), 'utf8')).toContain('<h1>A</h1>');
  });

  it('stops at a folder holding files of the author’s, and with --keep-other-files writes the site among them', async () => {
    const out = path.join(tmp, 'site');
    await mkdir(out);
    await writeFile(path.join(out, 'CNAME'), 'blog.example.com\n');
    expect(await main(['--posts', path.join(tmp, 'posts'), '--out', out], io())).toBe(1);
    expect(stderr).toContain('Add --keep-other-files to keep them as they are');
    expect(await main(['--posts', path.join(tmp, 'posts'), '--out', out, '--keep-other-files'], io())).toBe(0);
    expect(stdout).toBe(`Exported 1 post (2 pages) to ${out} in 0.0 s; 1 warning; 1 of your own files and folders left untouched.\n`);
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.com\n');
    expect(await readFile(path.join(out, 'a', 'index.html'), 'utf8')).toContain('<h1>A</h1>');
  });

  it('exits 2 with a one-line message and the usage when --out is missing', async () => {
    expect(await main(['--posts', path.join(tmp, 'posts')], io())).toBe(2);
    expect(stderr.split('\n')[0]).toBe('postwright export: missing --out <dir> (the folder to write the site to)');
    expect(stdout).toBe('');
  });

  it('exits 1 with a clear message when the posts folder cannot be read', async () => {
    const missing = path.join(tmp, 'nope');
    expect(await main(['--posts', missing, '--out', path.join(tmp, 'site')], io())).toBe(1);
    expect(stderr).toBe(`postwright export: The posts folder ${missing} does not exist.\n`);
  });

  it('exits 1 naming both files when two posts claim one path', async () => {
    await writeFile(path.join(tmp, 'posts', 'b.md'), '---\npath: /x\n---\n');
    await writeFile(path.join(tmp, 'posts', 'c.md'), '---\npath: /x/\n---\n');
    expect(await main(['--posts', path.join(tmp, 'posts'), '--out', path.join(tmp, 'site')], io())).toBe(1);
    expect(stderr).toMatch(
      /^postwright export: Two posts claim the same page: b\.md and c\.md both claim the path "\/x\/"\. Give each post its own path\.\n$/,
    );
  });

  it('prints the usage for --help', async () => {
    expect(await main(['--help'], io())).toBe(0);
    expect(stdout).toMatch(/^usage: npm run export -- --posts <dir> --out <dir>/);
  });
});
