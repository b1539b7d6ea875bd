/**
 * The `app://postwright/` protocol: the UI's files from the built renderer folder, and post
 * assets (`/files/<path>`) from the posts folder. Every request target is hostile: it may come
 * from a Markdown image reference.
 */
import path from 'node:path';
import { readFile, realpath } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import type { Result } from '../../shared/api/contract';
import { APP_CSP, APP_HOST, APP_SCHEME, ASSET_CSP, ASSET_PREFIX } from './app-url';
import { assetContentType, uiContentType } from './mime';

/** Registered before `ready`: standard (real origin), secure (like https), fetch allowed; never bypassCSP. */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** What a request names: a file of the UI, a post asset, or nothing we serve. */
export type ProtocolTarget =
  { kind: 'ui'; file: string } | { kind: 'asset'; relPath: string } | { kind: 'reject'; status: number };

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const BAD_SEGMENT_CHARS = /[\u0000-\u001f\u007f\\/:]/;
const STILL_ENCODED = /%[0-9a-f]{2}/i;

/** Decodes a URL path once into segments, or null when any segment is unsafe. */
function safeSegments(encodedPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (BAD_SEGMENT_CHARS.test(segment) || STILL_ENCODED.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** Maps a request URL to what it names; decisions only, no file access. */
export function resolveProtocolPath(requestUrl: string, rendererDir: string): ProtocolTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'reject', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { kind: 'reject', status: 403 };
  }
  if (url.pathname === '/' || url.pathname === '') return { kind: 'ui', file: path.join(rendererDir, 'index.html') };
  const isAsset = url.pathname.startsWith(ASSET_PREFIX);
  const segments = safeSegments(url.pathname.slice(isAsset ? ASSET_PREFIX.length : 1));
  if (segments === null) return { kind: 'reject', status: 400 };
  if (isAsset) return { kind: 'asset', relPath: segments.join('/') };
  const file = path.join(rendererDir, ...segments);
  const relative = path.relative(rendererDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'reject', status: 400 };
  return { kind: 'ui', file };
}

/** What the protocol handler needs from the world. */
export interface ProtocolDeps {
  rendererDir: string;
  /** The store's confinement: an asset path relative to the posts folder → an absolute path. */
  resolveAsset: (relPath: string) => Promise<Result<string>>;
}

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

function status(code: number): Response {
  return new Response(null, { status: code, headers: COMMON_HEADERS });
}

async function fileResponse(file: string, headers: Record<string, string>, head: boolean): Promise<Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(file);
  } catch {
    return status(404);
  }
  return new Response(head ? null : body, { status: 200, headers: { ...COMMON_HEADERS, ...headers } });
}

/** Builds the `protocol.handle` callback: GET/HEAD only; the UI with the app CSP, assets sandboxed. */
export function createProtocolHandler(deps: ProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
    const head = request.method === 'HEAD';
    const target = resolveProtocolPath(request.url, deps.rendererDir);
    if (target.kind === 'reject') return status(target.status);
    if (target.kind === 'ui') {
      const file = await confinedUiFile(deps.rendererDir, target.file);
      if (typeof file === 'number') return status(file);
      const headers = { 'Content-Type': uiContentType(target.file), 'Content-Security-Policy': APP_CSP };
      return fileResponse(file, headers, head);
    }
    const resolved = await deps.resolveAsset(target.relPath);
    if (!resolved.ok) return status(resolved.error.code === 'NOT_FOUND' ? 404 : 403);
    const headers = {
      'Content-Type': assetContentType(resolved.value),
      'Content-Security-Policy': ASSET_CSP,
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    return fileResponse(resolved.value, headers, head);
  };
}

/** The real path of a UI file when it stays inside the renderer folder (a link must not lead out), else a status. */
async function confinedUiFile(rendererDir: string, file: string): Promise<string | number> {
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(file)]);
    const relative = path.relative(root, real);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? 403 : real;
  } catch {
    return 404;
  }
}
