import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioFailure, tooLarge } from './errors';

function errnoError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('ioFailure', () => {
  it.each([
    ['EACCES', 'PERMISSION'],
    ['EPERM', 'PERMISSION'],
    ['EROFS', 'READ_ONLY'],
    ['ENOSPC', 'NO_SPACE'],
    ['EISDIR', 'NOT_A_FILE'],
    ['ENOENT', 'NOT_FOUND'],
    ['EEXIST', 'EXISTS'],
    ['EIO', 'IO'],
  ])('maps %s to %s with a message for the author', (errno, code) => {
    const result = ioFailure(errnoError(errno), 'save this post');
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    expect(result.ok ? '' : result.error.message).toMatch(/\.$/);
  });

  it('tells the author their text is safe when the disk is full', () => {
    const result = ioFailure(errnoError('ENOSPC'), 'save this post');
    expect(result.ok ? '' : result.error.message).toBe(
      'The disk is full. Your text is still in the editor; free some space and save again.',
    );
  });

  it('maps a real ENOENT from the file system', async () => {
    const error: unknown = await open(path.join(os.tmpdir(), 'postwright-no-such-dir', 'x.md')).catch(
      (e: unknown) => e,
    );
    expect(ioFailure(error, 'open this post')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('re-throws what is not a file-system error: that is a bug', () => {
    expect(() => ioFailure(new TypeError('boom'), 'save')).toThrow('boom');
  });

  it('states the size limit', () => {
    const result = tooLarge(11 * 1024 * 1024, 10 * 1024 * 1024);
    expect(result.ok ? '' : result.error.message).toBe('This file is 11 MiB; Postwright opens files up to 10 MiB.');
  });
});
