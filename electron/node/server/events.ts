/**
 * `GET /api/events`: backend pushes as Server-Sent Events. The renderer reads the stream with
 * fetch (EventSource cannot send the token header), so the same checks as API calls apply.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlogEvents, EventName } from '../../../shared/api/events';
import { apiRefusal, type Sessions } from './guard';
import { baseHeaders, sendRefusal } from './respond';

/** Delivers one event to one stream. */
export type EventSender = <E extends EventName>(event: E, payload: BlogEvents[E]) => void;

/** Connects a stream's sender to the event source; returns the unsubscribe function. */
export type Subscribe = (send: EventSender) => () => void;

/** Default interval of the comment that keeps idle connections (and proxies) awake. */
export const HEARTBEAT_MS = 25_000;

/** What an event stream needs from the server. */
export interface EventsContext {
  sessions: Sessions;
  token: string;
  subscribe: Subscribe | undefined;
  heartbeatMs: number;
  /** The open streams, so that close() can end them. */
  streams: Set<ServerResponse>;
}

/** Formats one event; names are identifiers and JSON has no raw newline, so one data line suffices. */
export function formatEvent(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Opens an event stream for an authorised page and keeps it until either side closes it. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, context: EventsContext): void {
  if (req.method !== 'GET') {
    return sendRefusal(
      res,
      { status: 405, code: 'UNSUPPORTED', message: 'The event stream is a GET request.' },
      { Allow: 'GET' },
    );
  }
  const refusal = apiRefusal(req.headers, context.sessions, context.token);
  if (refusal) return sendRefusal(res, refusal);
  res.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  // A first comment flushes the head, so the client knows at once that it is connected.
  res.write(': connected\n\n');
  const send: EventSender = (event, payload) => {
    if (!/^[A-Za-z]+$/.test(event) || res.writableEnded) return;
    res.write(formatEvent(event, payload));
  };
  const unsubscribe = context.subscribe?.(send) ?? (() => undefined);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), context.heartbeatMs);
  heartbeat.unref();
  context.streams.add(res);
  res.once('close', () => {
    clearInterval(heartbeat);
    context.streams.delete(res);
    unsubscribe();
  });
}
