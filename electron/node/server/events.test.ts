import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventSender } from './events';
import { apiHeaders, login, send, startFixture, type Fixture, without } from './testing';

let fx: Fixture | undefined;
afterEach(() => fx?.dispose());

/** A fake event source: the senders of the open streams. */
function hub() {
  const senders = new Set<EventSender>();
  let unsubscribed = 0;
  return {
    senders,
    unsubscribed: () => unsubscribed,
    subscribe: (send: EventSender) => {
      senders.add(send);
      return () => {
        senders.delete(send);
        unsubscribed += 1;
      };
    },
  };
}

/** Opens the stream and collects its text; `until` resolves once the text matches. */
function openStream(port: number, headers: Record<string, string>, target = '/api/events') {
  let text = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of waiters.filter((w) => w.pattern.test(text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: target, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          check();
        });
        resolve(res);
      },
    );
    req.on('error', reject);
    req.end();
  });
  const until = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      waiters.push({ pattern, resolve });
      check();
    });
  return { response, until, text: () => text };
}

/** Waits for a condition by polling on the event loop (no fixed sleeps). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('event stream', () => {
  it('delivers a pushed event and unsubscribes when the client goes away', async () => {
    const events = hub();
    fx = await startFixture({ subscribe: events.subscribe });
    const cookie = await login(fx.server);
    const stream = openStream(fx.server.port, apiHeaders(fx.server, cookie));
    const res = await stream.response;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    await waitFor(() => events.senders.size === 1);
    for (const sender of events.senders) sender('postsChanged', { added: ['a.md'], changed: [], removed: ['b\nc.md'] });
    await stream.until(/event: postsChanged\n/);
    expect(stream.text()).toContain(
      'event: postsChanged\ndata: {"added":["a.md"],"changed":[],"removed":["b\\nc.md"]}\n\n',
    );
    res.destroy();
    await waitFor(() => events.unsubscribed() === 1);
    expect(events.senders.size).toBe(0);
  });

  it('sends heartbeat comments', async () => {
    fx = await startFixture({ heartbeatMs: 10 });
    const cookie = await login(fx.server);
    const stream = openStream(fx.server.port, apiHeaders(fx.server, cookie));
    await stream.until(/: heartbeat\n\n/);
    (await stream.response).destroy();
  });

  it('refuses a stream without the token header, from another origin, or cross-site', async () => {
    const events = hub();
    fx = await startFixture({ subscribe: events.subscribe });
    const cookie = await login(fx.server);
    const good = apiHeaders(fx.server, cookie);
    const noToken = without(good, 'X-Postwright-Token');
    const cases = [
      noToken,
      { ...good, Origin: 'http://evil.example' },
      { ...good, Origin: 'null' },
      { ...good, 'Sec-Fetch-Site': 'cross-site' },
      { ...good, Cookie: '' },
    ];
    for (const headers of cases) {
      // Read only the head: a stream wrongly accepted fails here instead of hanging.
      const res = await openStream(fx.server.port, headers, `/api/events?token=${fx.server.token}`).response;
      res.destroy();
      expect([401, 403]).toContain(res.statusCode);
    }
    expect(events.senders.size).toBe(0);
  });

  it('close() ends open streams and resolves', async () => {
    const events = hub();
    fx = await startFixture({ subscribe: events.subscribe });
    const cookie = await login(fx.server);
    const stream = openStream(fx.server.port, apiHeaders(fx.server, cookie));
    const res = await stream.response;
    const ended = new Promise<void>((resolve) => res.on('end', resolve));
    await fx.server.close();
    await ended;
    expect(events.unsubscribed()).toBe(1);
    await expect(send(fx.server.port, { path: '/' })).rejects.toThrow();
  });
});
