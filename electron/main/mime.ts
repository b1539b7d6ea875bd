/**
 * Content types for the app protocol. Served with `nosniff`, so the type decides how Chromium
 * treats the bytes: post assets never get a type that runs script.
 */
import path from 'node:path';

const IMAGE_TYPES: Record<string, string> = {
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

const MEDIA_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

const FONT_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

const UI_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  ...IMAGE_TYPES,
  ...FONT_TYPES,
};

const ASSET_TYPES: Record<string, string> = { ...IMAGE_TYPES, ...MEDIA_TYPES, ...FONT_TYPES };

const FALLBACK = 'application/octet-stream';

function lookup(table: Record<string, string>, file: string): string {
  const ext = path.extname(file).toLowerCase();
  return Object.hasOwn(table, ext) ? (table[ext] ?? FALLBACK) : FALLBACK;
}

/** The type of a file of the built UI. */
export function uiContentType(file: string): string {
  return lookup(UI_TYPES, file);
}

/** The type of a post asset: images, media, fonts, text; HTML and scripts are opaque bytes. */
export function assetContentType(file: string): string {
  return lookup(ASSET_TYPES, file);
}
