import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePost, encodePost } from './encoding';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postwright-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes bytes to a real file and reads them back, as the store does. */
async function roundTripOnDisk(name: string, bytes: number[]): Promise<Uint8Array> {
  const file = join(dir, name);
  await writeFile(file, new Uint8Array(bytes));
  return new Uint8Array(await readFile(file));
}

function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return out;
}

describe('decodePost / encodePost', () => {
  it('reads plain UTF-8 and writes it back identically', async () => {
    const bytes = await roundTripOnDisk('plain.md', [...new TextEncoder().encode('---\ntitle: café ☕\n---\n')]);
    const decoded = decodePost(bytes);
    expect(decoded).toEqual({ text: '---\ntitle: café ☕\n---\n', encoding: { charset: 'utf-8', bom: false } });
    expect(encodePost(decoded.text, decoded.encoding)).toEqual(bytes);
  });

  it('keeps a UTF-8 BOM out of the text and writes it back', async () => {
    const bytes = await roundTripOnDisk('bom.md', [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('+++\n+++\n')]);
    const decoded = decodePost(bytes);
    expect(decoded.text).toBe('+++\n+++\n');
    expect(decoded.encoding).toEqual({ charset: 'utf-8', bom: true });
    expect(decoded.readOnly).toBeUndefined();
    expect(encodePost(decoded.text, decoded.encoding)).toEqual(bytes);
  });

  it.each([
    ['utf-16le', true, [0xff, 0xfe]],
    ['utf-16be', false, [0xfe, 0xff]],
  ] as const)('round-trips %s with a BOM, CRLF and astral characters', async (charset, little, bom) => {
    const text = '---\r\ntitle: "Unicode 🎉"\r\n---\r\nbody';
    const bytes = await roundTripOnDisk(`${charset}.md`, [...bom, ...utf16(text, little)]);
    const decoded = decodePost(bytes);
    expect(decoded).toEqual({ text, encoding: { charset, bom: true } });
    expect(encodePost(decoded.text, decoded.encoding)).toEqual(bytes);
    expect(encodePost(`${text}!`, decoded.encoding).length).toBe(bytes.length + 2);
  });

  it('opens invalid UTF-8 read-only, with replacement characters for display', async () => {
    const bytes = await roundTripOnDisk('latin1.md', [...new TextEncoder().encode('title: caf'), 0xe9, 0x0a]);
    const decoded = decodePost(bytes);
    expect(decoded.readOnly).toBe(
      'This file is not valid UTF-8; Postwright opened it read-only so nothing is re-encoded.',
    );
    expect(decoded.text).toBe('title: caf\uFFFD\n');
  });

  it('opens UTF-16 with a lone surrogate read-only', async () => {
    const bytes = await roundTripOnDisk('lone.md', [0xff, 0xfe, ...utf16('a', true), 0x00, 0xd8, ...utf16('b', true)]);
    expect(decodePost(bytes).readOnly).toMatch(/read-only/);
  });

  it('opens a file with NUL bytes (UTF-16 without a BOM) read-only', async () => {
    const bytes = await roundTripOnDisk('nobom16.md', utf16('title: x\n', true));
    expect(decodePost(bytes).readOnly).toMatch(/NUL bytes/);
  });

  it('keeps a second BOM-like character as text', async () => {
    const bytes = await roundTripOnDisk('twobom.md', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]);
    const decoded = decodePost(bytes);
    expect(decoded.text).toBe('\uFEFFa');
    expect(encodePost(decoded.text, decoded.encoding)).toEqual(bytes);
  });

  it('reads an empty file', () => {
    expect(decodePost(new Uint8Array())).toEqual({ text: '', encoding: { charset: 'utf-8', bom: false } });
  });
});
