import { describe, expect, it } from 'vitest';
import type { FrontMatterChange } from '../../../shared/api/contract';
import { commonBreak, detectLineEnding, restoreLineEndings } from './line-endings';
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

describe('lone CR line breaks (classic Mac OS) and parts with their own breaks', () => {
  const save = (text: string, body: string, change: FrontMatterChange = { kind: 'none' }): string => {
    const result = applySave(text, change, body);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('keeps a body of lone CRs as written, unchanged or with a word typed', () => {
    const text = '---\ntitle: CR post\n---\nline one\rline two\rline three\r';
    const body = parsePost(text).body;
    expect(body).toBe('line one\nline two\nline three\n');
    expect(save(text, body)).toBe(text);
    expect(save(text, `${body}X`)).toBe(`${text}X`);
    expect(save(text, body.replace('line two\n', 'line two\nline 2½\n'))).toBe(
      text.replace('line two\r', 'line two\rline 2½\r'),
    );
  });

  it('gives a post of lone CRs new front matter in LF, its body as written', () => {
    const text = 'Hello\rworld\r';
    const titled = save(text, 'Hello\nworld\n', {
      kind: 'fields',
      edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: 'X' } }],
    });
    expect(titled).toBe('---\ntitle: "X"\n---\nHello\rworld\r');
    expect(save(text, 'Hello\nworld\n', { kind: 'raw', raw: 'title: X' })).toBe('---\ntitle: X\n---\nHello\rworld\r');
  });

  it('keeps one lone CR among LF lines', () => {
    const text = '---\ntitle: x\n---\none\ntwo\rthree\nfour\n';
    expect(save(text, 'one\ntwo\nthree\nnew\nfour\n')).toBe('---\ntitle: x\n---\none\ntwo\rthree\nnew\nfour\n');
  });

  it('gives a new front-matter line the front matter’s break and a new body line the body’s', () => {
    const text = '---\ntitle: A\n---\r\nbody1\r\nbody2\r\n';
    const added = save(text, parsePost(text).body + 'body3\n', {
      kind: 'fields',
      edits: [{ op: 'set', key: 'k', value: { kind: 'text', text: 'v' } }],
    });
    expect(added).toBe('---\ntitle: A\nk: v\n---\r\nbody1\r\nbody2\r\nbody3\r\n');
  });

  it('names the most common break, and the fallback on a tie or none', () => {
    expect(commonBreak('a\rb\rc\n', '\n')).toBe('\r');
    expect(commonBreak('a\r\nb\r\nc\n', '\n')).toBe('\r\n');
    expect(commonBreak('a\nb\r\n', '\r')).toBe('\r');
    expect(commonBreak('none', '\r\n')).toBe('\r\n');
  });
});
