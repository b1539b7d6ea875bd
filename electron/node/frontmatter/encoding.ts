/**
 * Bytes to text and back. A post is only writable when re-encoding its decoded text gives back
 * exactly the bytes on disk; otherwise it opens read-only and nothing is ever re-encoded.
 */
import type { DecodedText, TextEncodingInfo } from './types';

const NOT_UTF8 = 'This file is not valid UTF-8; Postwright opened it read-only so nothing is re-encoded.';
const NUL_BYTES =
  'This file contains NUL bytes (binary data or UTF-16 without a byte-order mark); Postwright opened it read-only.';
const NO_ROUND_TRIP =
  'This file’s encoding cannot be written back byte for byte; Postwright opened it read-only so nothing is re-encoded.';

function detectBom(bytes: Uint8Array): TextEncodingInfo {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', bom: true };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', bom: true };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', bom: true };
  return { charset: 'utf-8', bom: false };
}

function bomLength(encoding: TextEncodingInfo): number {
  if (!encoding.bom) return 0;
  return encoding.charset === 'utf-8' ? 3 : 2;
}

function tryDecode(charset: TextEncodingInfo['charset'], bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a second BOM-like character as text instead of silently dropping it.
    return new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Decodes a post's bytes; `readOnly` is set when the text could not be written back identically. */
export function decodePost(bytes: Uint8Array): DecodedText {
  const encoding = detectBom(bytes);
  const content = bytes.subarray(bomLength(encoding));
  const strict = tryDecode(encoding.charset, content);
  if (strict === null) {
    const text = new TextDecoder(encoding.charset, { ignoreBOM: true }).decode(content);
    const reason = encoding.charset === 'utf-8' ? NOT_UTF8 : NO_ROUND_TRIP;
    return { text, encoding, readOnly: reason };
  }
  if (encoding.charset === 'utf-8' && !encoding.bom && content.includes(0)) {
    return { text: strict, encoding, readOnly: NUL_BYTES };
  }
  if (!sameBytes(encodePost(strict, encoding), bytes)) return { text: strict, encoding, readOnly: NO_ROUND_TRIP };
  return { text: strict, encoding };
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function bomBytes(encoding: TextEncodingInfo): number[] {
  if (!encoding.bom) return [];
  if (encoding.charset === 'utf-8') return [0xef, 0xbb, 0xbf];
  return encoding.charset === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
}

/** Encodes text (without BOM) in the given encoding, writing the BOM when the encoding has one. */
export function encodePost(text: string, encoding: TextEncodingInfo): Uint8Array {
  const body =
    encoding.charset === 'utf-8' ? new TextEncoder().encode(text) : encodeUtf16(text, encoding.charset === 'utf-16le');
  const bom = bomBytes(encoding);
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}
