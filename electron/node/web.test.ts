import { createServer } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSite } from './export/site';
import { DEFAULT_PORT, isEntryModule, main, parseWebArgs, USAGE, type WebWorld } from './web';

const base = { cwd: '/home/me/blog', entryUrl: 'file:///opt/postwright/dist/node/web.mjs' };

describe('parseWebArgs', () => {
  it('defaults to the project posts folder (../../posts from the entry) and port 4874', () => {
    expect(parseWebArgs([], base)).toEqual({
      ok: true,
      value: { postsDir: path.resolve('/opt/postwright/posts'), port: DEFAULT_PORT, help: false },
    });
    expect(DEFAULT_PORT).toBe(4874);
  });

  it('resolves --posts against the working folder and reads --port, in both spellings', () => {
    expect(parseWebArgs(['--posts', 'drafts', '--port', '0'], base)).toEqual({
      ok: true,
      value: { postsDir: path.resolve('/home/me/blog/drafts'), port: 0, help: false },
    });
    expect(parseWebArgs(['--', '--posts=/srv/p', '--port=8080'], base)).toMatchObject({
      ok: true,
      value: { postsDir: path.resolve('/srv/p'), port: 8080 },
    });
  });

  it('recognises --help and -h', () => {
    expect(parseWebArgs(['--help'], base)).toMatchObject({ ok: true, value: { help: true } });
    expect(parseWebArgs(['-h'], base)).toMatchObject({ ok: true, value: { help: true } });
  });

  it.each([
    [['--port', '65536'], '--port must be'],
    [['--port', '-1'], '--port must be'],
    [['--port', '80a'], '--port must be'],
    [['--port', ''], '--port needs a value'],
    [['--port'], '--port needs a value'],
    [['--posts', '--port', '1'], '--posts needs a value'],
    [['--porter', '1'], 'Unknown option --porter'],
    [['--verbose'], 'Unknown option --verbose'],
    [['posts'], 'Unexpected argument "posts"'],
  ])('refuses %j with a clear message', (argv, message) => {
    const result = parseWebArgs(argv, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe('isEntryModule', () => {
  it('is true only when argv[1] is this very file', () => {
    const self = fileURLToPath(import.meta.url);
    expect(isEntryModule(import.meta.url, self)).toBe(true);
    expect(isEntryModule(pathToFileURL(self).href, path.relative(process.cwd(), self))).toBe(true);
    expect(isEntryModule(import.meta.url, path.join(path.dirname(self), 'dispatch.ts'))).toBe(false);
    expect(isEntryModule(import.meta.url, undefined)).toBe(false);
  });
});

describe('main', () => {
  let dir: string;
  let lines: { out: string[]; err: string[] };
  let world: Partial<WebWorld>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'postwright-web-'));
    await writeFile(path.join(dir, 'index.html'), '<html><head></head></html>');
    lines = { out: [], err: [] };
    world = { cwd: dir, staticDir: dir, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints the help and exits 0', async () => {
    expect(await main(['--help'], world)).toEqual({ kind: 'exited', code: 0 });
    expect(lines.out).toEqual([USAGE]);
  });

  it('exits 2 with one clear line for a bad argument', async () => {
    expect(await main(['--port', 'x'], world)).toEqual({ kind: 'exited', code: 2 });
    expect(lines.err).toHaveLength(1);
    expect(lines.err[0]).toMatch(/^Postwright: --port must be .* Run with --help for the options\.$/);
  });

  it('exits 2 with one clear line for a missing posts folder', async () => {
    expect(await main(['--posts', 'nowhere', '--port', '0'], world)).toEqual({ kind: 'exited', code: 2 });
    expect(lines.err).toHaveLength(1);
    expect(lines.err).toEqual([`Postwright: no posts folder at ${path.join(dir, 'nowhere')}. Pass --posts <folder>.`]);
    expect(lines.out).toEqual([]);
  });

  it('exits 2 with one clear line when the port is in use', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      expect(await main(['--posts', dir, '--port', String(port)], world)).toEqual({ kind: 'exited', code: 2 });
      expect(lines.err).toEqual([
        `Postwright: port ${port} is already in use. Pass --port <n>, or --port 0 for any free port.`,
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('exits 2 when the posts folder is a file', async () => {
    expect(await main(['--posts', path.join(dir, 'index.html'), '--port', '0'], world)).toEqual({
      kind: 'exited',
      code: 2,
    });
    expect(lines.err).toEqual([
      `Postwright: ${path.join(dir, 'index.html')} is a file, not a folder. Pass --posts <folder>.`,
    ]);
  });

  it('stops only once the site an export replaced is deleted', async () => {
    const posts = path.join(dir, 'posts');
    const site = path.join(dir, 'site');
    await mkdir(posts);
    for (let i = 0; i < 300; i++) await writeFile(path.join(posts, `p${i}.md`), `---\ntitle: P${i}\n---\nText.\n`);
    const started = await main(['--posts', posts, '--port', '0', '--data', path.join(dir, 'data')], world);
    if (started.kind !== 'running') throw new Error('the server did not start');
    expect((await exportSite({ postsDir: posts, outDir: site })).ok).toBe(true);
    expect((await exportSite({ postsDir: posts, outDir: site })).ok).toBe(true);
    // The second export answered; the first site's hundreds of pages are still being deleted beside it.
    await started.web.stop();
    expect((await readdir(dir)).sort()).toEqual(['data', 'index.html', 'posts', 'site']);
  });

  it('exits 2 when the editor is not built', async () => {
    await rm(path.join(dir, 'index.html'));
    expect(await main(['--posts', dir, '--port', '0'], world)).toEqual({ kind: 'exited', code: 2 });
    expect(lines.err[0]).toContain('npm run build');
  });
});
