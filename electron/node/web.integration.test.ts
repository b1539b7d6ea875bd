import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostDoc, PostSummary, Result } from '../../shared/api/contract';
import { apiHeaders, login, send } from './server/testing';
import { main, type RunningWeb } from './web';
import { valueOf } from './store/testing';

const POST = '---\ntitle: "Hello, wörld"\ndate: 2024-01-02\n---\nBody with\nünïcode.\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/real-posts');

let root: string;
let posts: string;
let web: RunningWeb;
let out: string[];
let cookie: string;

/** Starts browser mode through `main` over a copy of `source` (or a small fixture). */
async function start(source?: string): Promise<void> {
  root = await mkdtemp(path.join(tmpdir(), 'postwright-web-it-'));
  posts = path.join(root, 'posts');
  const site = path.join(root, 'site');
  if (source) await cp(source, posts, { recursive: true });
  else {
    await mkdir(path.join(posts, 'img'), { recursive: true });
    await writeFile(path.join(posts, 'hello.md'), POST);
    await writeFile(path.join(posts, 'img', 'a.png'), PNG);
    await writeFile(path.join(root, 'secret.png'), 'SECRET');
  }
  await mkdir(site, { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<html><head><!--postwright-token--></head><body></body></html>');
  out = [];
  const outcome = await main(['--posts', posts, '--port', '0'], {
    staticDir: site,
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  if (outcome.kind !== 'running') throw new Error(`main exited: ${out.join('\n')}`);
  web = outcome.web;
  cookie = await login(web.server);
}

async function callApi<T>(method: string, ...args: unknown[]): Promise<Result<T>> {
  const reply = await send(web.server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: apiHeaders(web.server, cookie),
    body: JSON.stringify({ args }),
  });
  expect(reply.status).toBe(200);
  return JSON.parse(reply.text) as Result<T>;
}

describe('browser mode over the real store and watcher', () => {
  beforeAll(() => start());
  afterAll(async () => {
    await web.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('prints where it is editing and the one address to open', () => {
    expect(out).toEqual([`Postwright is editing ${web.root}`, `Open ${web.server.url}`]);
    expect(out[1]).toMatch(/^Open http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('serves the page with the token, then lists and reads posts over the API', async () => {
    const page = await send(web.server.port, { path: '/', headers: { Cookie: cookie } });
    expect(page.text).toContain(`<meta name="postwright-token" content="${web.server.token}">`);
    const list = valueOf(await callApi<PostSummary[]>('listPosts'));
    expect(list.map((p) => [p.id, p.title])).toEqual([['hello.md', 'Hello, wörld']]);
    const doc = valueOf(await callApi<PostDoc>('readPost', 'hello.md'));
    expect(doc.body).toBe('Body with\nünïcode.\n');
  });

  it('saves through HTTP without touching a byte it was not asked to change', async () => {
    const doc = valueOf(await callApi<PostDoc>('readPost', 'hello.md'));
    valueOf(
      await callApi<PostDoc>('savePost', {
        id: 'hello.md',
        baseVersion: doc.version,
        body: doc.body,
        frontMatter: { kind: 'none' },
      }),
    );
    expect(await readFile(path.join(posts, 'hello.md'), 'utf8')).toBe(POST);
    const edited = doc.body.replace('ünïcode', 'ünïcode — édité 🎉');
    valueOf(
      await callApi<PostDoc>('savePost', {
        id: 'hello.md',
        baseVersion: doc.version,
        body: edited,
        frontMatter: { kind: 'none' },
      }),
    );
    expect(await readFile(path.join(posts, 'hello.md'), 'utf8')).toBe(POST.replace('ünïcode', 'ünïcode — édité 🎉'));
  });

  it('refuses a path-traversing id with INVALID_ARGUMENT', async () => {
    const result = await callApi('readPost', '../secret.md');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('serves post images through /files and nothing outside the folder', async () => {
    const image = await send(web.server.port, { path: '/files/img/a.png', headers: { Cookie: cookie } });
    expect(image.status).toBe(200);
    expect(image.body.equals(PNG)).toBe(true);
    for (const target of ['/files/../secret.png', '/files/%2e%2e/secret.png', '/files/img/..%2f..%2fsecret.png']) {
      const reply = await send(web.server.port, { path: target, headers: { Cookie: cookie } });
      expect(reply.status, target).toBe(400);
      expect(reply.text).not.toContain('SECRET');
    }
  });

  it('pushes a postsChanged event when a post appears on disk', async () => {
    const events = await listenToEvents();
    try {
      await writeFile(path.join(posts, 'new.md'), '# New\n');
      // Earlier saves may still be reported in their own batch; the new post must be among the added.
      const seen = await events.until((all) => all.added.includes('new.md'));
      expect(seen.added).toContain('new.md');
    } finally {
      events.close();
    }
  });

  it("tells the pages of the app's own save: another tab, and the list after an autosave, follow it (review 25)", async () => {
    const events = await listenToEvents();
    try {
      await appendThroughApi('hello.md', 'Told to every page.\n');
      const seen = await events.until((all) => all.changed.includes('hello.md'));
      expect(seen.changed).toContain('hello.md');
    } finally {
      events.close();
    }
  });

  it('reports the old bytes written back right after a save: the page\'s "Saved" is not left standing over them (review 24b)', async () => {
    const events = await listenToEvents();
    try {
      const file = path.join(posts, 'hello.md');
      // Until every post is hashed, any write is reported: wait until an identical rewrite is not.
      for (let round = 0; ; round++) {
        expect(round, 'the watcher never hashed the posts').toBeLessThan(40);
        await writeFile(file, await readFile(file));
        const marker = `seeded-${round}.md`;
        await writeFile(path.join(posts, marker), 'marker\n');
        const batches = await events.until((all) => all.added.includes(marker));
        if (!batches.changed.includes('hello.md')) break;
      }
      const before = await readFile(file);
      await appendThroughApi('hello.md', 'Saved by the app.\n');
      // Another program writes its old copy back at once, within the watcher's batch.
      await writeFile(file, before);
      await writeFile(path.join(posts, 'after-save.md'), 'marker\n');
      const seen = await events.until((all) => all.added.includes('after-save.md'));
      expect(seen.changed).toContain('hello.md');
    } finally {
      events.close();
    }
  });
});

/** Saves post `id` through HTTP with `text` added to the end of its body, as the page would. */
async function appendThroughApi(id: string, text: string): Promise<void> {
  const doc = valueOf(await callApi<PostDoc>('readPost', id));
  valueOf(
    await callApi<PostDoc>('savePost', {
      id,
      baseVersion: doc.version,
      body: doc.body + text,
      frontMatter: { kind: 'none' },
    }),
  );
}

/** The folder changes pushed to a page, gathered from now on. */
async function listenToEvents(): Promise<{
  until: (
    done: (all: { added: string[]; changed: string[] }) => boolean,
  ) => Promise<{ added: string[]; changed: string[] }>;
  close: () => void;
}> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: web.server.port,
        path: '/api/events',
        headers: { ...apiHeaders(web.server, cookie), Host: `127.0.0.1:${web.server.port}` },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
  res.setEncoding('utf8');
  let text = '';
  let wake = (): void => undefined;
  // The stream's first chunk says the page is subscribed: changes from now on reach it.
  const subscribed = new Promise<void>((resolve) => res.once('data', () => resolve()));
  res.on('data', (chunk: string) => {
    text += chunk;
    wake();
  });
  await subscribed;
  let from = 0;
  return {
    async until(done) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const batches = [...text.slice(from).matchAll(/event: postsChanged\ndata: (.*)\n\n/g)].map(
          (m) => JSON.parse(m[1] ?? '{}') as { added: string[]; changed: string[] },
        );
        const all = { added: batches.flatMap((b) => b.added), changed: batches.flatMap((b) => b.changed) };
        if (done(all)) {
          from = text.length;
          return all;
        }
        if (Date.now() > deadline) throw new Error(`no such change; saw ${JSON.stringify(all)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => res.destroy(),
  };
}

describe('the real corpus through HTTP', () => {
  const present = existsSync(corpus);
  if (!present) console.log(`[web.integration] skipped: corpus not found at ${corpus}`);

  it.skipIf(!present)('reads every post and saves it unchanged, byte for byte', async () => {
    await start(corpus);
    try {
      const list = valueOf(await callApi<PostSummary[]>('listPosts'));
      expect(list.length).toBeGreaterThan(50);
      for (const summary of list) {
        const before = await readFile(path.join(posts, ...summary.id.split('/')));
        const doc = await callApi<PostDoc>('readPost', summary.id);
        if (!doc.ok || doc.value.readOnly !== undefined || !doc.value.frontMatter.editable) continue;
        const request = {
          id: summary.id,
          baseVersion: doc.value.version,
          body: doc.value.body,
          frontMatter: { kind: 'none' },
        };
        expect((await callApi('savePost', request)).ok, summary.id).toBe(true);
        expect((await readFile(path.join(posts, ...summary.id.split('/')))).equals(before), summary.id).toBe(true);
      }
    } finally {
      await web.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
