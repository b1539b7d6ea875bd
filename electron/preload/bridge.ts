/**
 * The bridge's shape, built from the contract's method and channel lists so it cannot drift:
 * one function per method that forwards its arguments to `invoke`, and an event source that
 * hands listeners the payload only (never the IPC event, which carries `sender`).
 */
import { API_METHODS, CHANNELS, type BlogApi } from '../../shared/api/contract';
import {
  CLOSE_REQUEST_CHANNEL,
  DESKTOP_CHANNELS,
  DESKTOP_METHODS,
  type CloseRequest,
  type DesktopApi,
  type DesktopCalls,
} from '../../shared/api/desktop';
import { EVENT_CHANNELS, type EventListener, type EventName } from '../../shared/api/events';

/** Sends a request on a channel and resolves with the reply (`ipcRenderer.invoke`). */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Subscribes a payload handler to a channel; returns the unsubscribe function. */
export type Subscribe = (channel: string, handler: (payload: unknown) => void) => () => void;

/** The event source exposed as `window.blogEvents`. */
export interface BlogEventsBridge {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/** Everything the preload exposes. */
export interface Bridge {
  blog: BlogApi;
  blogEvents: BlogEventsBridge;
  desktop: DesktopApi;
}

function forward<M extends string>(
  methods: readonly M[],
  channels: Record<M, string>,
  invoke: Invoke,
): Record<M, (...args: unknown[]) => Promise<unknown>> {
  const entries = methods.map((method) => {
    const channel = channels[method];
    return [method, (...args: unknown[]) => invoke(channel, ...args)] as const;
  });
  return Object.fromEntries(entries) as Record<M, (...args: unknown[]) => Promise<unknown>>;
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_CHANNELS, name);
}

/** Builds the event source: the listener gets the payload only; unknown event names are refused. */
export function buildEvents(subscribe: Subscribe): BlogEventsBridge {
  return {
    on(event, listener) {
      if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      return subscribe(EVENT_CHANNELS[event], (payload) => {
        listener(payload as Parameters<typeof listener>[0]);
      });
    },
  };
}

/**
 * Builds `blog` and `desktop` from the contract's lists: each method calls `invoke` on its channel;
 * `desktop.onCloseRequested` hands its listener the close request only.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): Pick<Bridge, 'blog' | 'desktop'> {
  const calls = forward(DESKTOP_METHODS, DESKTOP_CHANNELS, invoke) as unknown as DesktopCalls;
  const onCloseRequested = (listener: (request: CloseRequest) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    return subscribe(CLOSE_REQUEST_CHANNEL, (payload) => {
      listener(payload as CloseRequest);
    });
  };
  return {
    blog: forward(API_METHODS, CHANNELS, invoke) as unknown as BlogApi,
    desktop: { ...calls, onCloseRequested },
  };
}
