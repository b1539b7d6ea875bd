import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/api/contract';
import { MAX_BODY_BYTES } from './body';
import { apiHeaders, fakeApi, login, send, startFixture, type Fixture } from './testing';

let fx: Fixture;
let cookie: string;
const calls: string[] = [];

beforeAll(async () => {
  const api = fakeApi();
  fx = await startFixture({
    api: {
      ...api,
      readPost: (id) => {
        calls.push(id);
        return Promise.resolve(fail('NOT_FOUND', `No post ${id}.`));
      },
      createPost: () => Promise.reject(new Error('a bug')),
      deletePost: (id) => Promise.resolve(ok({ id })),
    },
  });
  cookie = await login(fx.server);
});

afterAll(() => fx.dispose());

const call = (method: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send(fx.server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { ...apiHeaders(fx.server, cookie), ...headers },
    body,
  });

describe('API calls', () => {
  it('passes validated arguments to the implementation and returns its Result', async () => {
    const reply = await call('deletePost', JSON.stringify({ args: ['drafts/été.md'] }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ ok: true, value: { id: 'drafts/été.md' } });
  });

  it('returns an expected failure as 200 with a failed Result', async () => {
    const reply = await call('readPost', '{"args":["missing.md"]}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No post missing.md.' } });
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']])(
    'answers INVALID_ARGUMENT for the unknown method %s',
    async (method) => {
      const reply = await call(method, '{"args":[]}');
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    },
  );

  it('refuses bad arguments before the implementation sees them', async () => {
    for (const args of ['["../etc/passwd.md"]', '[]', '"x"', '[1]', '["a.md","b.md"]']) {
      const reply = await call('readPost', `{"args":${args}}`);
      expect(JSON.parse(reply.text), args).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(calls).toEqual(['missing.md']);
  });

  it.each([['{"args":'], ['not json'], [''], ['[]'], ['null'], ['{"arg":[]}']])(
    'answers 400 for the body %s',
    async (body) => {
      const reply = await call('listPosts', body);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    },
  );

  it('answers 400 for a body that is not UTF-8 rather than guessing', async () => {
    const body = Buffer.concat([Buffer.from('{"args":["'), Buffer.from([0xff, 0xfe]), Buffer.from('.md"]}')]);
    expect((await call('readPost', body)).status).toBe(400);
  });

  it('answers 500 with a failed Result when the implementation throws (a bug)', async () => {
    const reply = await call('createPost', '{"args":[{"title":"x"}]}');
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'IO' } });
  });
});

describe('body limit', () => {
  it('answers 413 at once when Content-Length is over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: fx.server.port,
          method: 'POST',
          path: '/api/listPosts',
          headers: {
            ...apiHeaders(fx.server, cookie),
            Host: `127.0.0.1:${fx.server.port}`,
            'Content-Length': String(MAX_BODY_BYTES + 1),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      // Only the start of the body is sent: the answer must not wait for the rest.
      req.write('{"args":[');
    });
    expect(status).toBe(413);
  });

  it('answers 413 when a chunked body grows past the limit', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const reply = await send(fx.server.port, {
      method: 'POST',
      path: '/api/listPosts',
      headers: { ...apiHeaders(fx.server, cookie), 'Transfer-Encoding': 'chunked' },
      body,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('accepts a body just under the limit', async () => {
    const padding = ' '.repeat(MAX_BODY_BYTES - '{"args":[]}'.length);
    const reply = await call('listPosts', `{"args":[]}${padding}`);
    expect(reply.status).toBe(200);
  });
});
