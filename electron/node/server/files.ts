/**
 * `GET /files/<path>`: the images a post refers to, for the preview. The store resolves the path
 * (it knows the posts folder); this route decodes it once, refuses traversal, and sends the
 * file under a policy that lets an SVG run nothing.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../../shared/api/contract';
import { BINARY_TYPE, imageContentType } from './mime';
import { decodeSegments, openRegularFile } from './paths';
import { ASSET_CSP, baseHeaders, sendText } from './respond';
import { sendFile } from './stream';

/** Turns a path relative to the posts folder into an absolute path, or refuses it. */
export type ResolveAsset = (relPath: string) => Promise<Result<string>>;

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  NOT_A_FILE: 404,
  INVALID_ID: 400,
  INVALID_ARGUMENT: 400,
  PERMISSION: 403,
};

/** Serves one post asset; `rawPath` is the request path after `/files` (starting with `/`). */
export async function serveAsset(res: ServerResponse, rawPath: string, resolveAsset: ResolveAsset): Promise<void> {
  const decoded = decodeSegments(rawPath);
  if (!decoded.ok || decoded.segments.length === 0) return sendText(res, 400, 'Bad file path.');
  const resolved = await resolveAsset(decoded.segments.join('/'));
  if (!resolved.ok) return sendText(res, STATUS_OF[resolved.error.code] ?? 404, resolved.error.message);
  const file = await openRegularFile(resolved.value);
  if (file === 'missing' || file === 'refused') return sendText(res, 404, 'Not found.');
  const image = imageContentType(resolved.value);
  return sendFile(res, file, {
    ...baseHeaders(ASSET_CSP),
    'Content-Type': image ?? BINARY_TYPE,
    // Anything that is not an image is only ever downloaded, never shown by the browser.
    ...(image === null ? { 'Content-Disposition': 'attachment' } : {}),
    'Cache-Control': 'no-cache',
  });
}
