/**
 * Response helpers: every answer carries the same defensive headers, and none ever carries an
 * `Access-Control-Allow-*` header (no CORS, by design).
 */
import type { ServerResponse } from 'node:http';
import { fail, type ErrorCode } from '../../../shared/api/contract';

/** The Content-Security-Policy of the editor's page. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; " +
  "frame-ancestors 'none'; form-action 'none'";

/** The policy of post assets: an SVG opened directly can run nothing. */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** The policy of every answer that is data, not a page. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers shared by every response. */
export function baseHeaders(csp: string = DATA_CSP): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    // Other origins on this machine (same site, another port) may not embed what we serve.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Sends a short plain-text answer (errors of the page and file routes). */
export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** Sends a JSON value (every answer of the API routes). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** A refusal of an API request: an HTTP status and a Result the client can show. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  hint?: string;
}

/** Sends a refusal as a failed Result with its HTTP status. */
export function sendRefusal(res: ServerResponse, refusal: Refusal, extra: Record<string, string> = {}): void {
  sendJson(res, refusal.status, fail(refusal.code, refusal.message, refusal.hint), extra);
}

/** Sends the page shown to a browser without a session: where to find the right address. */
export function sendUnauthorizedPage(res: ServerResponse): void {
  const body = Buffer.from(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postwright: open the address from the terminal</title></head>' +
      '<body><h1>Open the address printed in the terminal</h1>' +
      '<p>Postwright only answers the address it printed when it started (the one with <code>?token=</code>). ' +
      'Copy that whole line from the terminal into the address bar.</p></body></html>\n',
    'utf8',
  );
  res.writeHead(401, {
    ...baseHeaders(PAGE_CSP),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
