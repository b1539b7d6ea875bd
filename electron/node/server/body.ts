/**
 * Reading an API request's body: JSON only, UTF-8 only, size-limited.
 */
import type { IncomingMessage } from 'node:http';
import type { Refusal } from './respond';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Why the Content-Type is refused (415), or null for `application/json` in UTF-8. */
export function contentTypeRefusal(header: string | undefined): Refusal | null {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  const utf8 = charset === undefined || /^charset="?utf-8"?$/.test(charset);
  if (type.trim().toLowerCase() === 'application/json' && utf8) return null;
  return { status: 415, code: 'INVALID_ARGUMENT', message: 'API requests must be sent as application/json (UTF-8).' };
}

/** The body's text, or a refusal: 413 when too large, 400 when not UTF-8. */
export type BodyText = { ok: true; text: string } | { ok: false; refusal: Refusal };

const tooLarge: Refusal = {
  status: 413,
  code: 'TOO_LARGE',
  message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`,
};

/** Whether the declared Content-Length already exceeds `limit`. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length'] ?? '0');
  return Number.isFinite(declared) && declared > limit;
}

/** Reads the whole body; past `limit` bytes the rest is drained unread and 413 is the answer. */
export async function readBodyText(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyText> {
  if (declaredTooLarge(req, limit)) return { ok: false, refusal: tooLarge };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining rather than closing, so the client can read our 413 instead of a reset.
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) return { ok: false, refusal: tooLarge };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return {
      ok: false,
      refusal: { status: 400, code: 'INVALID_ARGUMENT', message: 'The request body is not valid UTF-8.' },
    };
  }
}

/** The `args` of a body `{ "args": [...] }`, or a 400 refusal for malformed JSON. */
export function parseArgs(text: string): { ok: true; args: unknown } | { ok: false; refusal: Refusal } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      refusal: { status: 400, code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' },
    };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'args')) {
    return {
      ok: false,
      refusal: { status: 400, code: 'INVALID_ARGUMENT', message: 'The request body must be {"args": [...]}.' },
    };
  }
  return { ok: true, args: (body as { args: unknown }).args };
}
