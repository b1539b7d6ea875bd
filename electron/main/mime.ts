/**
 * Content types for the app protocol: the same tables browser mode serves with, so the desktop
 * app and the browser treat a file alike. Served with `nosniff`, so post assets never get a type
 * that runs script: anything but an image is opaque bytes.
 */
import { BINARY_TYPE, imageContentType, staticContentType } from '../node/server/mime';

/** The type of a file of the built UI. */
export function uiContentType(file: string): string {
  return staticContentType(file);
}

/** The type of a post asset: an image type, or opaque bytes. */
export function assetContentType(file: string): string {
  return imageContentType(file) ?? BINARY_TYPE;
}
