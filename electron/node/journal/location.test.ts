import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, journalDirFor } from './location';

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.local/state/postwright');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_STATE_HOME: '/xdg' }, home: '/home/ann' })).toBe(
      '/xdg/postwright',
    );
    expect(defaultDataDir({ platform: 'linux', env: { XDG_STATE_HOME: 'relative' }, home: '/home/ann' })).toBe(
      '/home/ann/.local/state/postwright',
    );
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Postwright',
    );
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        home: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Postwright');
  });
});

describe('journalDirFor', () => {
  it('gives each posts folder its own subfolder, named by 16 hex digits of its path hash', () => {
    const a = journalDirFor('/data', '/blogs/a');
    expect(path.dirname(a)).toBe(path.join('/data', 'journal'));
    expect(path.basename(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(journalDirFor('/data', '/blogs/a')).toBe(a);
    expect(journalDirFor('/data', '/blogs/b')).not.toBe(a);
  });
});
