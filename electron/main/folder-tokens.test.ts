import { describe, expect, it } from 'vitest';
import { createFolderTokens, FOLDER_TOKEN_PREFIX, MAX_TOKENS_PER_WINDOW } from './folder-tokens';

function code(result: { ok: boolean; error?: { code: string } }): string | null {
  return result.ok ? null : (result.error?.code ?? null);
}

describe('createFolderTokens', () => {
  it('issues an opaque token with the folder as its label, and resolves it for the same window', () => {
    const tokens = createFolderTokens();
    const chosen = tokens.issue(7, '/home/author/site');
    expect(chosen.label).toBe('/home/author/site');
    expect(chosen.token.startsWith(FOLDER_TOKEN_PREFIX)).toBe(true);
    expect(chosen.token).not.toContain('/home/author/site');
    expect(tokens.resolve(7, chosen.token)).toEqual({ ok: true, value: '/home/author/site' });
    // A window may export to the folder it chose again and again.
    expect(tokens.resolve(7, chosen.token)).toEqual({ ok: true, value: '/home/author/site' });
  });

  it('makes a different token for every choice', () => {
    const tokens = createFolderTokens();
    const first = tokens.issue(1, '/a').token;
    const second = tokens.issue(1, '/a').token;
    expect(first).not.toBe(second);
    expect(first.length).toBeGreaterThan(FOLDER_TOKEN_PREFIX.length + 20);
  });

  it('refuses typed paths and other values, saying the folder must be chosen', () => {
    const tokens = createFolderTokens();
    tokens.issue(1, '/site');
    for (const raw of ['/site', 'C:\\site', '~/site', '', 42, null, { token: 'x' }]) {
      const result = tokens.resolve(1, raw);
      expect(code(result)).toBe('INVALID_ARGUMENT');
      if (!result.ok) expect(result.error.message).toContain('typed path is refused');
    }
  });

  it('refuses forged tokens, tokens of another window, and tokens of a closed window', () => {
    let n = 0;
    const tokens = createFolderTokens(() => `fixed-${String(++n)}`);
    const mine = tokens.issue(1, '/site').token;
    for (const [owner, token] of [
      [1, `${FOLDER_TOKEN_PREFIX}guessed`],
      [1, `${mine} `],
      [1, `${FOLDER_TOKEN_PREFIX}${mine.slice(FOLDER_TOKEN_PREFIX.length).toUpperCase()}`],
      [2, mine],
    ] as const) {
      const result = tokens.resolve(owner, token);
      expect(code(result), `${String(owner)} ${token}`).toBe('INVALID_ARGUMENT');
      if (!result.ok) expect(result.error.message).toContain('not chosen in this window');
    }
    tokens.forget(1);
    expect(code(tokens.resolve(1, mine))).toBe('INVALID_ARGUMENT');
  });

  it('keeps the latest choices of a window only', () => {
    const tokens = createFolderTokens();
    const first = tokens.issue(1, '/first').token;
    for (let i = 0; i < MAX_TOKENS_PER_WINDOW; i++) tokens.issue(1, `/later-${String(i)}`);
    expect(code(tokens.resolve(1, first))).toBe('INVALID_ARGUMENT');
    const last = tokens.issue(1, '/last').token;
    expect(tokens.resolve(1, last)).toEqual({ ok: true, value: '/last' });
  });
});
