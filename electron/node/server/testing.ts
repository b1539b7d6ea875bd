/**
 * Test helpers for the server's protocol tests: a real server on port 0 over temporary folders,
 * and raw HTTP requests (node:http, so Host, Origin and odd paths go out exactly as written).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fail, ok, type BlogApi, type PostSummary, type Result } from '../../../shared/api/contract';
import { isInside } from './paths';
import { createWebServer, type WebServer, type WebServerOptions } from './index';

/** One answer, read whole. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** A request as sent on the wire. */
export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Every reply any test received, so a test can assert something about all of them. */
export const allReplies: Reply[] = [];

/** Sends one request to 127.0.0.1:`port` and reads the whole answer. */
export function send(port: number, raw: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: raw.method ?? 'GET',
        path: raw.path,
        headers: { Host: `127.0.0.1:${port}`, ...raw.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') };
          allReplies.push(reply);
          resolve(reply);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** The sample post the fake API lists. */
export const SAMPLE_POST: PostSummary = {
  id: 'hello.md',
  title: 'Hello',
  date: '2024-01-02',
  sortKey: '2024-01-02',
  draft: false,
  path: null,
  tags: [],
  size: 10,
  mtimeMs: 0,
};

/** A BlogApi that answers from memory: the server, not the store, is under test here. */
export function fakeApi(): BlogApi {
  const notHere = <T>(): Promise<Result<T>> => Promise.resolve(fail('NOT_FOUND', 'No such post.'));
  return {
    getWorkspace: () => Promise.resolve(ok({ name: 'posts', root: '/tmp/posts' })),
    listPosts: () => Promise.resolve(ok([SAMPLE_POST])),
    readPost: notHere,
    savePost: notHere,
    createPost: notHere,
    deletePost: (id) => Promise.resolve(ok({ id })),
    writeJournal: notHere,
    listJournal: () => Promise.resolve(ok([])),
    discardJournal: notHere,
    keepJournal: notHere,
    discardKeptJournal: notHere,
    exportPostHtml: notHere,
    exportSite: notHere,
    searchPosts: () => Promise.resolve(ok([])),
    renamePost: notHere,
    saveImage: notHere,
  };
}

/** The page the fixture's renderer folder holds. */
export const INDEX_HTML =
  '<!doctype html><html><head><title>t</title><!--postwright-token--></head><body></body></html>';

/** A running server over temporary folders: `site` (renderer), `posts` (assets), `outside` (a secret). */
export interface Fixture {
  server: WebServer;
  root: string;
  site: string;
  posts: string;
  /** Text that lives outside both served folders and must never be sent. */
  secret: string;
  /** Every path the default asset resolver was asked for. */
  assetRequests: string[];
  dispose(): Promise<void>;
}

/** Starts a server on port 0 over fresh temporary folders. */
export async function startFixture(overrides: Partial<WebServerOptions> = {}): Promise<Fixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'postwright-server-'));
  const site = path.join(root, 'site');
  const posts = path.join(root, 'posts');
  const secret = 'TOP-SECRET-OUTSIDE-CONTENT';
  await mkdir(path.join(site, 'assets'), { recursive: true });
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), INDEX_HTML);
  await writeFile(path.join(site, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(site, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), secret);
  await writeFile(path.join(posts, 'img', 'dot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(
    path.join(posts, 'img', 'evil.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  const assetRequests: string[] = [];
  const server = await createWebServer({
    api: fakeApi(),
    resolveAsset: (rel) => {
      assetRequests.push(rel);
      return Promise.resolve(resolveIn(posts, rel));
    },
    staticDir: site,
    port: 0,
    onError: () => undefined,
    ...overrides,
  });
  return {
    server,
    root,
    site,
    posts,
    secret,
    assetRequests,
    dispose: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A minimal asset resolver for tests: relative to `posts` and inside it. */
function resolveIn(posts: string, rel: string): Result<string> {
  const abs = path.resolve(posts, rel);
  return isInside(posts, abs) ? ok(abs) : fail('INVALID_ID', 'Outside the posts folder.');
}

/** Exchanges the token for a session; returns the Cookie header value. */
export async function login(server: WebServer): Promise<string> {
  const reply = await send(server.port, { path: `/?token=${server.token}` });
  const setCookie = reply.headers['set-cookie']?.[0];
  if (reply.status !== 303 || setCookie === undefined) throw new Error(`login failed: ${reply.status}`);
  return setCookie.split(';')[0] ?? '';
}

/** Headers of a well-formed API call from our own page. */
export function apiHeaders(server: WebServer, cookie: string): Record<string, string> {
  return {
    Cookie: cookie,
    'X-Postwright-Token': server.token,
    'Content-Type': 'application/json',
    Origin: server.origin,
    'Sec-Fetch-Site': 'same-origin',
  };
}

/** A copy of `headers` without the named ones. */
export function without(headers: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

/** The folders of a browser-mode run below a fresh temporary root: posts (one post), the page to serve, data. */
export async function makeWebFolders(
  prefix: string,
): Promise<{ root: string; posts: string; site: string; dataDir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  const posts = path.join(root, 'posts');
  const site = path.join(root, 'site');
  await mkdir(posts);
  await mkdir(site);
  await writeFile(path.join(posts, 'hello.md'), '---\ntitle: Hello\n---\nBody.\n');
  await writeFile(path.join(site, 'index.html'), '<html><head><!--postwright-token--></head><body></body></html>');
  return { root, posts, site, dataDir: path.join(root, 'data') };
}
