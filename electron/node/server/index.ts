/**
 * Browser mode's server: serves the renderer and the same API as Electron's IPC, on 127.0.0.1
 * only, to the one browser that opened the printed address (see shared notes, security.md).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { BlogApi } from '../../../shared/api/contract';
import { handleApiCall, type ApiContext } from './api';
import { HEARTBEAT_MS, openEventStream, type EventsContext, type Subscribe } from './events';
import { serveAsset, type ResolveAsset } from './files';
import {
  createSessions,
  hostAllowed,
  newSecret,
  secretMatches,
  sessionCookie,
  sessionCookieName,
  type Sessions,
} from './guard';
import { decodeSegments } from './paths';
import { baseHeaders, sendRefusal, sendText, sendUnauthorizedPage } from './respond';
import { serveStatic } from './static';

export type { EventSender, Subscribe } from './events';
export type { ResolveAsset } from './files';

/** What the server is built from. */
export interface WebServerOptions {
  api: BlogApi;
  resolveAsset: ResolveAsset;
  /** The renderer's build (index.html and its assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: '127.0.0.1';
  /** The secret printed in the URL; a fresh random one when absent. */
  token?: string;
  /** Called once per event stream; the returned function is called when the stream closes. */
  subscribe?: Subscribe;
  heartbeatMs?: number;
  /** Where unexpected errors (bugs) are reported. */
  onError?: (error: unknown) => void;
}

/** A running server. */
export interface WebServer {
  /** The address to open once: `http://127.0.0.1:<port>/?token=<token>`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Stops accepting, ends event streams, and resolves when every connection is closed. */
  close(): Promise<void>;
}

interface Context extends ApiContext, EventsContext {
  port: number;
  staticRoot: string;
  resolveAsset: ResolveAsset;
}

/** Starts the server; rejects with the listen error (e.g. EADDRINUSE) when the port is taken. */
export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newSecret();
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('The token must be at least 16 base64url characters.');
  const context: Context = {
    api: options.api,
    sessions: createSessions(sessionCookieName(token)),
    token,
    onError: options.onError ?? ((error: unknown) => console.error('Postwright server error:', error)),
    subscribe: options.subscribe,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    streams: new Set(),
    port: 0,
    staticRoot: await realpath(options.staticDir).catch(() => path.resolve(options.staticDir)),
    resolveAsset: options.resolveAsset,
  };
  const server = createServer((req, res) => {
    handle(req, res, context).catch((error: unknown) => failed(res, error, context));
  });
  context.port = await listen(server, options.port, options.host ?? '127.0.0.1');
  const origin = `http://127.0.0.1:${context.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port: context.port,
    token,
    close: closer(server, context.streams),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closer(server: Server, streams: Set<ServerResponse>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const stream of streams) stream.end();
      server.closeIdleConnections();
      // A page may reconnect its event stream on a kept-alive socket while we close; after a
      // short grace period every connection is cut so shutdown never hangs.
      setTimeout(() => server.closeAllConnections(), 500).unref();
    });
    return closing;
  };
}

function failed(res: ServerResponse, error: unknown, context: Context): void {
  context.onError(error);
  if (!res.headersSent) sendText(res, 500, 'Internal error.');
  else res.destroy();
}

async function handle(req: IncomingMessage, res: ServerResponse, context: Context): Promise<void> {
  if (!hostAllowed(req.headers.host, context.port)) {
    return sendText(res, 421, `Misdirected request: this server answers only to 127.0.0.1:${context.port}.`);
  }
  const target = req.url ?? '';
  if (!target.startsWith('/')) return sendText(res, 400, 'Bad request target.');
  const queryAt = target.indexOf('?');
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt + 1);
  if (req.method === 'OPTIONS') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD, POST' });
  if (pathname === '/api/events') return openEventStream(req, res, context);
  if (pathname.startsWith('/api/')) return routeApi(req, res, pathname.slice('/api/'.length), context);
  if (pathname === '/api') return sendRefusal(res, { status: 404, code: 'NOT_FOUND', message: 'No such API path.' });
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  if (pathname === '/' && query !== '') return exchangeToken(req, res, query, context);
  if (!context.sessions.valid(req.headers.cookie)) return sendUnauthorizedPage(res);
  if (pathname.startsWith('/files/')) return serveAsset(res, pathname.slice('/files'.length), context.resolveAsset);
  const decoded = decodeSegments(pathname);
  if (!decoded.ok) return sendText(res, 400, 'Bad path.');
  return serveStatic(res, decoded.segments, { root: context.staticRoot, token: context.token });
}

function routeApi(req: IncomingMessage, res: ServerResponse, method: string, context: Context): Promise<void> {
  if (method === '' || method.includes('/')) {
    sendRefusal(res, { status: 404, code: 'NOT_FOUND', message: 'No such API path.' });
    return Promise.resolve();
  }
  return handleApiCall(req, res, method, context);
}

/** `/?token=T`: the right token buys a session cookie, and the token leaves the address bar. */
function exchangeToken(req: IncomingMessage, res: ServerResponse, query: string, context: Context): void {
  const given = new URLSearchParams(query).get('token');
  const hadSession = context.sessions.valid(req.headers.cookie);
  const right = secretMatches(given, context.token);
  if (!right && !hadSession) return sendUnauthorizedPage(res);
  redirectHome(res, right ? context.sessions : null);
}

function redirectHome(res: ServerResponse, sessions: Sessions | null): void {
  res.writeHead(303, {
    ...baseHeaders(),
    Location: '/',
    'Cache-Control': 'no-store',
    'Content-Length': '0',
    ...(sessions ? { 'Set-Cookie': sessionCookie(sessions.issue(), sessions.name) } : {}),
  });
  res.end();
}
