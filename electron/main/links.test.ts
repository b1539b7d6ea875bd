import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, externalUrlAllowed, MAX_EXTERNAL_URL_LENGTH, openExternalSafely } from './links';

describe('externalUrlAllowed', () => {
  it.each([
    'https://example.com/',
    'https://example.com/path?q=1#frag',
    'http://example.com',
    'http://127.0.0.1:8080/x',
    'https://bücher.example/',
    'mailto:someone@example.com',
    'mailto:someone@example.com?subject=Hi&body=Hello',
    'mailto:?to=someone@example.com',
  ])('allows %s', (url) => {
    expect(externalUrlAllowed(url)).toBe(true);
  });

  it.each([
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['file with host', 'file://server/share/x.exe'],
    ['smb', 'smb://server/share/evil.exe'],
    ['UNC', '\\\\server\\share\\evil.exe'],
    ['UNC with forward slashes', '//server/share/evil.exe'],
    ['backslash in http', 'https:\\\\evil.example\\x'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript upper case', 'JAVASCRIPT:alert(1)'],
    ['javascript with newline', 'java\nscript:alert(1)'],
    ['javascript with leading space', ' javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['custom scheme 2', 'search-ms:query=x'],
    ['vscode', 'vscode://file/etc/passwd'],
    ['app scheme', 'app://postwright/'],
    ['ftp', 'ftp://example.com/x'],
    ['credentials', 'https://user:pass@example.com/'],
    ['username only', 'https://user@example.com/'],
    ['no host', 'http:///path'],
    ['no slashes', 'http:example.com'],
    ['relative', '/relative/path'],
    ['empty', ''],
    ['malformed', 'https://'],
    ['NUL', 'https://example.com/\u0000'],
    ['mailto with attach', 'mailto:a@example.com?attach=/etc/passwd'],
    ['mailto with attachment', 'mailto:a@example.com?Attachment=C:\\x'],
    ['empty mailto', 'mailto:'],
    ['too long', `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('refuses %s', (_name, url) => {
    expect(externalUrlAllowed(url)).toBe(false);
  });

  it('returns the normalised form that was checked', () => {
    expect(allowedExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });
});

describe('openExternalSafely', () => {
  it('opens an allowed link once, in its normalised form', async () => {
    const opened: string[] = [];
    const result = await openExternalSafely('https://Example.com', (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses a forbidden link without calling the system', async () => {
    const opened: string[] = [];
    const result = await openExternalSafely('file:///etc/passwd', (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    expect(opened).toEqual([]);
  });

  it('reports a failure of the system handler as a value', async () => {
    const result = await openExternalSafely('https://example.com/', () => Promise.reject(new Error('no browser')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('no browser');
  });
});
