/**
 * Backend pushes for the UI. In browser mode they arrive as Server-Sent Events read with fetch()
 * (EventSource cannot carry the token header); the stream reconnects with backoff.
 */
import { MENU_COMMANDS, type BlogEvents, type EventListener, type EventName } from '../../shared/api/events';
import { TOKEN_HEADER } from './http';
import { createSseParser } from './sse';

/** Something to subscribe to backend events with; `on` returns the unsubscribe function. */
export interface BlogEventSource {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/** What the event stream needs from its world. */
export interface HttpEventsOptions {
  token: string;
  baseUrl: string;
  fetchFn: typeof fetch;
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule: (fn: () => void, ms: number) => () => void;
}

/** Longest wait between reconnection attempts. */
export const MAX_BACKOFF_MS = 30_000;

/** The delay before reconnection attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped. */
export function backoffDelay(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 15));
}

/** Checks an event's name and JSON payload; null when it is not one the UI knows. */
export function parseBlogEvent(
  name: string,
  data: string,
): { [E in EventName]: { name: E; payload: BlogEvents[E] } }[EventName] | null {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const record = payload as Record<string, unknown>;
  if (name === 'postsChanged') {
    const lists = [record.added, record.changed, record.removed];
    if (!lists.every((list) => Array.isArray(list) && list.every((id) => typeof id === 'string'))) return null;
    return { name, payload: payload as BlogEvents['postsChanged'] };
  }
  if (name === 'menuCommand') {
    if (!(MENU_COMMANDS as readonly unknown[]).includes(record.command)) return null;
    return { name, payload: payload as BlogEvents['menuCommand'] };
  }
  if (name === 'workspaceChanged') {
    return typeof record.name === 'string' ? { name, payload: payload as BlogEvents['workspaceChanged'] } : null;
  }
  if (name === 'exportProgress') {
    const counts = typeof record.done === 'number' && typeof record.total === 'number';
    return counts ? { name, payload: payload as BlogEvents['exportProgress'] } : null;
  }
  return null;
}

type Listeners = { [E in EventName]: Set<EventListener<E>> };

/** Subscribes over `GET /api/events`; the connection opens with the first listener. */
export function createHttpEvents(options: HttpEventsOptions): BlogEventSource {
  const listeners: Listeners = {
    postsChanged: new Set(),
    menuCommand: new Set(),
    workspaceChanged: new Set(),
    exportProgress: new Set(),
  };
  let started = false;

  const emit = (name: string, data: string): void => {
    const parsed = parseBlogEvent(name, data);
    if (parsed === null) return;
    for (const listener of listeners[parsed.name]) (listener as (payload: unknown) => void)(parsed.payload);
  };

  const run = async (attempt: number, connectedBefore: boolean): Promise<void> => {
    const connected = await readStream(options, emit, () => {
      // Changes made while the stream was down were missed: ask the UI to refresh.
      if (connectedBefore) emit('postsChanged', JSON.stringify({ added: [], changed: [], removed: [] }));
    });
    const next = connected ? 0 : attempt + 1;
    options.schedule(() => void run(next, connectedBefore || connected), backoffDelay(next));
  };

  return {
    on(event, listener) {
      listeners[event].add(listener);
      if (!started) {
        started = true;
        void run(0, false);
      }
      return () => listeners[event].delete(listener);
    },
  };
}

/** Reads one connection until it ends; resolves whether it ever connected. */
async function readStream(
  options: HttpEventsOptions,
  emit: (name: string, data: string) => void,
  onOpen: () => void,
): Promise<boolean> {
  let response: Response;
  try {
    response = await options.fetchFn(new URL('/api/events', options.baseUrl).href, {
      credentials: 'same-origin',
      headers: { Accept: 'text/event-stream', [TOKEN_HEADER]: options.token },
      cache: 'no-store',
    });
  } catch {
    return false;
  }
  if (!response.ok || response.body === null) return false;
  onOpen();
  const parser = createSseParser(({ event, data }) => emit(event, data));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.push(chunk.value);
  } catch {
    // A dropped connection ends the read; the caller reconnects.
  }
  return true;
}
