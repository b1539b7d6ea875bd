/**
 * The renderer's files (the build in dist/renderer), with the API token injected into the page.
 */
import type { ServerResponse } from 'node:http';
import { staticContentType } from './mime';
import { openConfined, readConfinedSync } from './paths';
import { baseHeaders, PAGE_CSP, sendText } from './respond';
import { sendFile } from './stream';

/** The marker in index.html the token's meta tag replaces. */
export const TOKEN_MARKER = '<!--postwright-token-->';

/** The renderer's folder (a real path) and the token its page needs. */
export interface StaticSite {
  root: string;
  token: string;
}

/** Puts `<meta name="postwright-token">` into a page: at the marker, else before `</head>`. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="postwright-token" content="${escapeAttribute(token)}">`;
  if (html.includes(TOKEN_MARKER)) return html.replace(TOKEN_MARKER, () => meta);
  const head = html.search(/<\/head>/i);
  return head === -1 ? meta + html : html.slice(0, head) + meta + html.slice(head);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Files of the build up to this size are read whole in one synchronous step (readConfinedSync says why). */
const SYNC_BYTES = 4 * 1024 * 1024;

/** Serves a file of the renderer's build; `segments` are decoded and checked already. */
export async function serveStatic(res: ServerResponse, segments: string[], site: StaticSite): Promise<void> {
  const isIndex = segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html');
  const wanted = isIndex ? ['index.html'] : segments;
  // The page is always read whole: the token goes into it, which the streaming path cannot do.
  const read = readConfinedSync(site.root, wanted, isIndex ? Number.POSITIVE_INFINITY : SYNC_BYTES);
  if (read === 'refused') return sendText(res, 403, 'Forbidden.');
  if (read === 'missing') {
    if (isIndex) return sendText(res, 503, 'The editor is not built yet: run `npm run build`, then reload.');
    return sendText(res, 404, 'Not found.');
  }
  const name = isIndex ? 'index.html' : (segments.at(-1) ?? '');
  const type = staticContentType(name);
  const headers = {
    ...baseHeaders(PAGE_CSP),
    'Content-Type': type,
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
  };
  if (read === 'large') {
    const file = await openConfined(site.root, wanted);
    if (typeof file === 'string') return sendText(res, 404, 'Not found.');
    return sendFile(res, file, headers);
  }
  const body = isIndex ? Buffer.from(injectToken(read.bytes.toString('utf8'), site.token), 'utf8') : read.bytes;
  res.writeHead(200, {
    ...headers,
    'Content-Length': String(body.length),
    ...(isIndex ? {} : { 'Last-Modified': read.mtime.toUTCString() }),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
