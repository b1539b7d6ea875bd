/**
 * Who may talk to the server: the Host header (DNS rebinding), Origin and Sec-Fetch-Site (CSRF),
 * the session cookie obtained with the printed token, and the token header on API calls.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Refusal } from './respond';

/** The prefix of the session cookie's name. */
export const SESSION_COOKIE = 'pw_session';

/**
 * The session cookie's name for one server. Browsers do not keep cookies apart by port, so two
 * servers on one machine would overwrite each other's session; a name derived from the server's
 * token keeps them apart without revealing it.
 */
export function sessionCookieName(token: string): string {
  return `${SESSION_COOKIE}_${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/** The header API calls carry the token in (never the query string). */
export const TOKEN_HEADER = 'x-postwright-token';

/** Sessions kept at most; the oldest is forgotten first. */
const MAX_SESSIONS = 64;

/** A fresh secret: 24 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether the Host header names this server exactly (127.0.0.1 or localhost, our port). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

/** Compares a presented secret with the real one in constant time. */
export function secretMatches(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request from another origin is refused, or null (Origin and Sec-Fetch-Site checks). */
export function crossOriginRefusal(headers: IncomingHttpHeaders): Refusal | null {
  const origin = headers.origin;
  const host = headers.host ?? '';
  // `Origin: null` (sandboxed frames, file: pages) never equals our origin, so it is refused too.
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return { status: 403, code: 'PERMISSION', message: 'Requests from other sites are refused.' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, code: 'PERMISSION', message: 'Requests from other sites are refused.' };
  }
  return null;
}

/** The sessions handed out in exchange for the token. */
export interface Sessions {
  /** The name of the cookie that carries a session. */
  name: string;
  /** Creates a session and returns its id. */
  issue(): string;
  /** Whether a Cookie header carries a live session. */
  valid(cookieHeader: string | undefined): boolean;
}

/** Creates an empty session table. */
export function createSessions(name: string = SESSION_COOKIE): Sessions {
  const ids = new Set<string>();
  return {
    name,
    issue() {
      const id = newSecret();
      ids.add(id);
      const oldest = ids.values().next().value;
      if (ids.size > MAX_SESSIONS && oldest !== undefined) ids.delete(oldest);
      return id;
    },
    valid(cookieHeader) {
      return cookieValues(cookieHeader, name).some((value) => ids.has(value));
    },
  };
}

/** The values of every cookie called `name` in a Cookie header. */
export function cookieValues(cookieHeader: string | undefined, name: string): string[] {
  if (cookieHeader === undefined) return [];
  const values: string[] = [];
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) values.push(pair.slice(eq + 1).trim());
  }
  return values;
}

/** The Set-Cookie value of a new session. */
export function sessionCookie(id: string, name: string = SESSION_COOKIE): string {
  return `${name}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Why an API or event-stream request is refused, or null: same origin, a session and the token header. */
export function apiRefusal(headers: IncomingHttpHeaders, sessions: Sessions, token: string): Refusal | null {
  const crossOrigin = crossOriginRefusal(headers);
  if (crossOrigin) return crossOrigin;
  const reopen = 'Open Postwright again from the address printed in the terminal.';
  if (!sessions.valid(headers.cookie)) {
    return { status: 401, code: 'PERMISSION', message: 'This page has no Postwright session.', hint: reopen };
  }
  if (!secretMatches(headers[TOKEN_HEADER], token)) {
    return { status: 401, code: 'PERMISSION', message: 'The request lacks the page token.', hint: reopen };
  }
  return null;
}
