import { describe, expect, it } from 'vitest';
import type { BlogEvents } from '../../shared/api/events';
import { backoffDelay, createHttpEvents, MAX_BACKOFF_MS, parseBlogEvent } from './events';

describe('parseBlogEvent', () => {
  it('accepts the known events with well-formed payloads', () => {
    expect(parseBlogEvent('postsChanged', '{"added":["a.md"],"changed":[],"removed":[]}')).toEqual({
      name: 'postsChanged',
      payload: { added: ['a.md'], changed: [], removed: [] },
    });
    expect(parseBlogEvent('menuCommand', '{"command":"save"}')?.name).toBe('menuCommand');
  });

  it('drops unknown names, bad JSON and malformed payloads', () => {
    expect(parseBlogEvent('message', '{}')).toBeNull();
    expect(parseBlogEvent('postsChanged', '{not json')).toBeNull();
    expect(parseBlogEvent('postsChanged', '{"added":[1],"changed":[],"removed":[]}')).toBeNull();
    expect(parseBlogEvent('menuCommand', '{"command":"rm -rf"}')).toBeNull();
    expect(parseBlogEvent('__proto__', '{}')).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([0, 1, 2, 3].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(50)).toBe(MAX_BACKOFF_MS);
  });
});

describe('createHttpEvents', () => {
  it('reads the stream, delivers events, and reconnects with a refresh event', async () => {
    const encoder = new TextEncoder();
    const streams = [
      'event: menuCommand\ndata: {"command":"save"}\n\n',
      'event: postsChanged\ndata: {"added":[],"changed":["b.md"],"removed":[]}\n\n',
    ];
    const headers: HeadersInit[] = [];
    const fetchFn = ((_url: string, init?: RequestInit) => {
      headers.push(init?.headers ?? {});
      const text = streams.shift();
      if (text === undefined) return new Promise<Response>(() => undefined);
      return Promise.resolve(
        new Response(new Blob([encoder.encode(text)]).stream(), { headers: { 'Content-Type': 'text/event-stream' } }),
      );
    }) as typeof fetch;
    const delays: number[] = [];
    const events = createHttpEvents({
      token: 'tok',
      baseUrl: 'http://127.0.0.1:9/',
      fetchFn,
      schedule: (fn, ms) => {
        delays.push(ms);
        queueMicrotask(fn);
        return () => undefined;
      },
    });
    const menu: BlogEvents['menuCommand'][] = [];
    const changes: BlogEvents['postsChanged'][] = [];
    events.on('menuCommand', (payload) => menu.push(payload));
    const done = new Promise<void>((resolve) => {
      events.on('postsChanged', (payload) => {
        changes.push(payload);
        if (changes.length === 2) resolve();
      });
    });
    await done;
    expect(menu).toEqual([{ command: 'save' }]);
    // First the "you may have missed something" refresh on reconnecting, then the real change.
    expect(changes).toEqual([
      { added: [], changed: [], removed: [] },
      { added: [], changed: ['b.md'], removed: [] },
    ]);
    expect(delays[0]).toBe(1000);
    expect(headers[0]).toMatchObject({ 'X-Postwright-Token': 'tok' });
  });
});
