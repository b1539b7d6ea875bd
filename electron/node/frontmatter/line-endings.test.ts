import { describe, expect, it } from 'vitest';
import { detectLineEnding, restoreLineEndings } from './line-endings';
import { applySave, parsePost } from './post';

describe('line endings', () => {
  it('detects the most common ending', () => {
    expect(detectLineEnding('a\r\nb\nc\r\n')).toBe('crlf');
    expect(detectLineEnding('a\nb\r\nc\n')).toBe('lf');
    expect(detectLineEnding('a\r\nb\n')).toBe('crlf');
    expect(detectLineEnding('no break')).toBe('lf');
  });

  it('keeps the endings of lines the author did not touch in a mixed file', () => {
    const text = '---\ntitle: x\n---\none\r\ntwo\nthree\r\nfour\n';
    const post = parsePost(text);
    expect(post.body).toBe('one\ntwo\nthree\nfour\n');
    const saved = applySave(text, { kind: 'none' }, 'one\ntwo changed\nthree\nnew\nfour\n');
    expect(saved.ok && saved.value).toBe('---\ntitle: x\n---\none\r\ntwo changed\nthree\r\nnew\nfour\n');
  });

  it('writes a uniform body in the file’s ending without a diff', () => {
    expect(restoreLineEndings('a\r\nb\r\n', 'a\nb\nc\n', '\r\n')).toBe('a\r\nb\r\nc\r\n');
    expect(restoreLineEndings('a\nb', 'a\nb\nc', '\n')).toBe('a\nb\nc');
  });

  it('keeps the head and tail endings when the change is too large to diff exactly', () => {
    const old = `head\r\n${'x\n'.repeat(5000)}tail\r\n`;
    const next = `head\n${'y\n'.repeat(5000)}tail\n`;
    expect(restoreLineEndings(old, next, '\n')).toBe(`head\r\n${'y\n'.repeat(5000)}tail\r\n`);
  });
});
