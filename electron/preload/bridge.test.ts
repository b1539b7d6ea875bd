import { describe, expect, it } from 'vitest';
import { API_METHODS, CHANNELS } from '../../shared/api/contract';
import { CLOSE_REQUEST_CHANNEL, DESKTOP_CHANNELS, DESKTOP_METHODS, type CloseRequest } from '../../shared/api/desktop';
import { EVENT_CHANNELS, type BlogEvents } from '../../shared/api/events';
import { buildBridge, buildEvents, type Subscribe } from './bridge';

function channelBus() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: Subscribe = (channel, handler) => {
    const set = handlers.get(channel) ?? new Set();
    set.add(handler);
    handlers.set(channel, set);
    return () => set.delete(handler);
  };
  const emit = (channel: string, payload: unknown) => {
    for (const handler of handlers.get(channel) ?? []) handler(payload);
  };
  return { subscribe, emit, handlers };
}

function recorder() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const invoke = (channel: string, ...args: unknown[]) => {
    calls.push({ channel, args });
    return Promise.resolve({ ok: true, value: channel });
  };
  const bus = channelBus();
  return { calls, bus, bridge: buildBridge(invoke, bus.subscribe) };
}

describe('buildBridge', () => {
  it("exposes exactly the contract's method names, as functions", () => {
    const { bridge } = recorder();
    expect(Object.keys(bridge.blog).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(bridge.desktop).sort()).toEqual([...DESKTOP_METHODS, 'onCloseRequested'].sort());
    const values = (record: object): unknown[] => Object.values(record as Record<string, unknown>);
    for (const fn of [...values(bridge.blog), ...values(bridge.desktop)]) expect(typeof fn).toBe('function');
  });

  it('calls invoke on each method’s channel with its arguments, returning the reply', async () => {
    const { calls, bridge } = recorder();
    const request = { id: 'a.md', baseVersion: 'v', body: 'x', frontMatter: { kind: 'none' as const } };
    expect(await bridge.blog.savePost(request)).toEqual({ ok: true, value: CHANNELS.savePost });
    await bridge.blog.readPost('a.md');
    await bridge.blog.listPosts();
    await bridge.desktop.openExternal('https://example.com/');
    await bridge.desktop.openFolder();
    expect(calls).toEqual([
      { channel: CHANNELS.savePost, args: [request] },
      { channel: CHANNELS.readPost, args: ['a.md'] },
      { channel: CHANNELS.listPosts, args: [] },
      { channel: DESKTOP_CHANNELS.openExternal, args: ['https://example.com/'] },
      { channel: DESKTOP_CHANNELS.openFolder, args: [] },
    ]);
  });

  it('maps every method to its own channel', async () => {
    const { calls, bridge } = recorder();
    const blog = bridge.blog as unknown as Record<string, () => Promise<unknown>>;
    for (const method of API_METHODS) await blog[method]?.();
    expect(calls.map((call) => call.channel)).toEqual(API_METHODS.map((method) => CHANNELS[method]));
  });
});

describe('desktop.onCloseRequested', () => {
  it('hands the listener the close request only, until unsubscribed', () => {
    const { bus, bridge } = recorder();
    const received: unknown[][] = [];
    const off = bridge.desktop.onCloseRequested((...args: unknown[]) => received.push(args));
    const request: CloseRequest = { request: 3, reason: 'quit' };
    bus.emit(CLOSE_REQUEST_CHANNEL, request);
    bus.emit(EVENT_CHANNELS.menuCommand, { command: 'save' });
    off();
    bus.emit(CLOSE_REQUEST_CHANNEL, request);
    expect(received).toEqual([[request]]);
    expect(bus.handlers.get(CLOSE_REQUEST_CHANNEL)?.size).toBe(0);
  });

  it('answers on its own channel and refuses a listener that is not a function', async () => {
    const { calls, bridge } = recorder();
    await bridge.desktop.answerClose(3, 'close');
    await bridge.desktop.setEdited(true);
    expect(calls).toEqual([
      { channel: DESKTOP_CHANNELS.answerClose, args: [3, 'close'] },
      { channel: DESKTOP_CHANNELS.setEdited, args: [true] },
    ]);
    const on = (listener: unknown) => bridge.desktop.onCloseRequested(listener as () => void);
    expect(() => on('not a function')).toThrow(TypeError);
  });
});

describe('buildEvents', () => {
  it('delivers the payload only, on the event’s channel, until unsubscribed', () => {
    const bus = channelBus();
    const events = buildEvents(bus.subscribe);
    const received: unknown[][] = [];
    const off = events.on('postsChanged', (...args: unknown[]) => received.push(args));
    const payload: BlogEvents['postsChanged'] = { added: ['a.md'], changed: [], removed: [] };
    bus.emit(EVENT_CHANNELS.postsChanged, payload);
    bus.emit(EVENT_CHANNELS.menuCommand, { command: 'save' });
    off();
    bus.emit(EVENT_CHANNELS.postsChanged, payload);
    expect(received).toEqual([[payload]]);
    expect(bus.handlers.get(EVENT_CHANNELS.postsChanged)?.size).toBe(0);
  });

  it('refuses unknown event names and non-function listeners', () => {
    const events = buildEvents(channelBus().subscribe);
    // Untyped callers (the page's own script) can pass anything.
    const on = (event: string, listener: unknown) => events.on(event as 'menuCommand', listener as () => void);
    expect(() => on('__proto__', () => undefined)).toThrow(TypeError);
    expect(() => on('toString', () => undefined)).toThrow(TypeError);
    expect(() => on('menuCommand', 'not a function')).toThrow(TypeError);
  });
});
