/**
 * Content types by file extension: the renderer's build output, and the images a post may show.
 */
import path from 'node:path';

const TEXT = '; charset=utf-8';

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
};

const STATIC_TYPES: Readonly<Record<string, string>> = {
  ...IMAGE_TYPES,
  '.html': `text/html${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.webmanifest': `application/manifest+json${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The type unknown files are sent as: never rendered, never sniffed. */
export const BINARY_TYPE = 'application/octet-stream';

/** The content type of a file of the renderer's build, by extension. */
export function staticContentType(file: string): string {
  return STATIC_TYPES[path.extname(file).toLowerCase()] ?? BINARY_TYPE;
}

/** The image type of a post asset, or null when it is not an image the preview shows. */
export function imageContentType(file: string): string | null {
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ?? null;
}
