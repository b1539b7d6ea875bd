import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/api/contract';
import { createHttpApi, readResult, TOKEN_HEADER } from './http';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

/** A stand-in for the network that records requests and answers with `respond`. */
function world(respond: () => Response | Promise<Response>): { fetchFn: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchFn = ((input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init });
    return Promise.resolve(respond());
  }) as typeof fetch;
  return { fetchFn, seen };
}

describe('createHttpApi', () => {
  it('posts the arguments as JSON with the token header to /api/<method>', async () => {
    const { fetchFn, seen } = world(() => Response.json(ok({ name: 'posts', root: '/x' })));
    const api = createHttpApi({ token: 's3cret', baseUrl: 'http://127.0.0.1:5000/?token=abc', fetchFn });
    const request = { id: 'a.md', baseVersion: 'v1', body: 'x', frontMatter: { kind: 'none' as const } };
    await api.savePost(request);
    const [call] = seen;
    expect(call?.url).toBe('http://127.0.0.1:5000/api/savePost');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(call?.init?.headers).toEqual({ 'Content-Type': 'application/json', [TOKEN_HEADER]: 's3cret' });
    expect(JSON.parse(call?.init?.body as string)).toEqual({ args: [request] });
  });

  it('passes results through, failures included', async () => {
    const conflict = { ok: false, error: { code: 'CONFLICT', message: 'changed on disk' } };
    const { fetchFn } = world(() => Response.json(conflict, { status: 409 }));
    const api = createHttpApi({ token: 't', baseUrl: 'http://127.0.0.1:1/', fetchFn });
    expect(await api.readPost('a.md')).toEqual(conflict);
  });

  it('turns a network failure into an IO result instead of throwing', async () => {
    const fetchFn = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const api = createHttpApi({ token: 't', baseUrl: 'http://127.0.0.1:1/', fetchFn });
    const result = await api.listPosts();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IO');
  });
});

describe('readResult', () => {
  it('explains a refused token', async () => {
    const result = await readResult(new Response('{"message":"forbidden"}', { status: 403 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
  });

  it('explains an answer that is not JSON', async () => {
    const result = await readResult(new Response('<html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IO', message: expect.stringContaining('502') as string },
    });
  });
});
