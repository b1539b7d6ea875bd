/**
 * The one allowlist for handing links to the operating system. A link in a post is attacker
 * text: `shell.openExternal` on `file:`, `smb:` or a custom scheme can run programs.
 */
import { fail, ok, type Result } from '../../shared/api/contract';

/** Longest link handed to the system, in characters. */
export const MAX_EXTERNAL_URL_LENGTH = 8 * 1024;

// Whitespace and controls are refused outright: the URL parser silently strips some of them
// (`java\nscript:`), so what we checked would not be what the text says.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\\]/;
const WEB_LINK = /^https?:\/\/[^/?#]/i;
// `attach=` in mailto links has made mail clients attach local files.
const MAILTO_KEYS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

/** Parses a link and returns its normalised form when it may be opened, else null. */
export function allowedExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (SUSPICIOUS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    // The parser repairs `http:///x` and `http:x` into a host; a link that needed repair is refused.
    return WEB_LINK.test(url) && parsed.hostname !== '' ? parsed.href : null;
  }
  if (parsed.protocol === 'mailto:') return mailtoAllowed(parsed) ? parsed.href : null;
  return null;
}

function mailtoAllowed(parsed: URL): boolean {
  if (parsed.pathname === '' && !parsed.searchParams.has('to')) return false;
  for (const key of parsed.searchParams.keys()) if (!MAILTO_KEYS.has(key.toLowerCase())) return false;
  return true;
}

/** Whether a link may be handed to the system: http(s) with a host, or a plain mailto. */
export function externalUrlAllowed(url: string): boolean {
  return allowedExternalUrl(url) !== null;
}

/** Opens an allowed link with the system's handler; refuses anything else as a value. */
export async function openExternalSafely(
  url: string,
  shellOpenExternal: (url: string) => Promise<void>,
): Promise<Result<null>> {
  const allowed = allowedExternalUrl(url);
  if (allowed === null) {
    return fail(
      'INVALID_ARGUMENT',
      'This link cannot be opened.',
      'Only http, https and mailto links open outside Postwright.',
    );
  }
  try {
    await shellOpenExternal(allowed);
    return ok(null);
  } catch (error) {
    return fail('IO', `The link could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
}
