import { describe, expect, it } from 'vitest';
import {
  loadSiteDetails,
  postExportedLine,
  progressLabel,
  progressPercent,
  saveSiteDetails,
  SITE_DETAILS_KEY,
  siteUrlProblem,
  summaryLine,
} from './export';

describe('export wording', () => {
  it('measures progress, an empty site counting as done', () => {
    expect(progressPercent(0, 4)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(9, 3)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
    expect(progressLabel(1, 1)).toBe('1 of 1 post');
    expect(progressLabel(2, 12)).toBe('2 of 12 posts');
  });

  it('summarises a finished export', () => {
    const summary = { outDir: '/x', posts: 1, pages: 4, warnings: ['a', 'b'], ms: 1530 };
    expect(summaryLine(summary)).toBe('Exported 1 post (4 pages) with 2 warnings in 1.5 s.');
    expect(summaryLine({ ...summary, posts: 0, pages: 1, warnings: [], ms: 12 })).toBe(
      'Exported 0 posts (1 page) with 0 warnings in 12 ms.',
    );
    expect(summaryLine({ ...summary, kept: 3 })).toBe(
      'Exported 1 post (4 pages) with 2 warnings in 1.5 s; 3 of your own files and folders left untouched.',
    );
    expect(summaryLine({ ...summary, kept: 0 })).toBe('Exported 1 post (4 pages) with 2 warnings in 1.5 s.');
    expect(postExportedLine('a.html', 0)).toBe('Exported to a.html.');
    expect(postExportedLine('a.html', 1)).toBe('Exported to a.html (1 warning).');
  });

  it('accepts the site URLs the backend accepts', () => {
    expect(siteUrlProblem('')).toBeNull();
    expect(siteUrlProblem(' https://example.org/blog/ ')).toBeNull();
    expect(siteUrlProblem('example.org')).not.toBeNull();
    expect(siteUrlProblem('https://example.org/?q=1')).not.toBeNull();
    expect(siteUrlProblem('javascript:alert(1)')).not.toBeNull();
  });
});

describe('the site details remembered between exports', () => {
  const memory = () => {
    const store = new Map<string, string>();
    return {
      store,
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
  };

  it('keeps each blog’s title and URL, and starts empty from nothing, malformed or refused storage', () => {
    const storage = memory();
    expect(loadSiteDetails(storage, '/blogs/one')).toEqual({ siteTitle: '', siteUrl: '', keepOtherFilesIn: '' });
    saveSiteDetails(storage, '/blogs/one', {
      siteTitle: 'One',
      siteUrl: 'https://one.example/',
      keepOtherFilesIn: '/sites/one',
    });
    saveSiteDetails(storage, '/blogs/two', { siteTitle: 'Two', siteUrl: '', keepOtherFilesIn: '' });
    expect(loadSiteDetails(storage, '/blogs/one')).toEqual({
      siteTitle: 'One',
      siteUrl: 'https://one.example/',
      keepOtherFilesIn: '/sites/one',
    });
    expect(loadSiteDetails(storage, '/blogs/two')).toEqual({ siteTitle: 'Two', siteUrl: '', keepOtherFilesIn: '' });
    // Another blog never gets the first one's name and address.
    expect(loadSiteDetails(storage, '/blogs/three')).toEqual({ siteTitle: '', siteUrl: '', keepOtherFilesIn: '' });
    storage.store.set(SITE_DETAILS_KEY, '{"/blogs/one": {"siteTitle": 5, "siteUrl": ');
    expect(loadSiteDetails(storage, '/blogs/one')).toEqual({ siteTitle: '', siteUrl: '', keepOtherFilesIn: '' });
    storage.store.set(
      SITE_DETAILS_KEY,
      JSON.stringify({ '/b': { siteTitle: 'x'.repeat(500), siteUrl: ['no'], keepOtherFilesIn: 5 } }),
    );
    expect(loadSiteDetails(storage, '/b')).toEqual({ siteTitle: 'x'.repeat(200), siteUrl: '', keepOtherFilesIn: '' });
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveSiteDetails(refusing, '/b', { siteTitle: 'a', siteUrl: '', keepOtherFilesIn: '' })).not.toThrow();
    expect(loadSiteDetails(null, null)).toEqual({ siteTitle: '', siteUrl: '', keepOtherFilesIn: '' });
  });
});
