import { describe, expect, it } from 'vitest';
import { FakeContents, fakeEvent } from './testing/fakes';
import { BACKGROUND, guardNavigation, isAppUrl, navigationDecision, windowOpenDecision, windowOptions } from './window';

describe('windowOptions', () => {
  it('waits for ready-to-show, titles the window and uses the preload given', () => {
    const options = windowOptions('/app/dist/electron/preload.cjs', { shouldUseDarkColors: false });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Postwright');
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
  });

  it('matches the background to the system theme (no white flash in dark mode)', () => {
    expect(windowOptions('p', { shouldUseDarkColors: true }).backgroundColor).toBe(BACKGROUND.dark);
    expect(windowOptions('p', { shouldUseDarkColors: false }).backgroundColor).toBe(BACKGROUND.light);
  });

  it('keeps the spellchecker on for writers', () => {
    expect(windowOptions('p', { shouldUseDarkColors: false }).webPreferences?.spellcheck).toBe(true);
  });
});

describe('isAppUrl and navigationDecision', () => {
  it('knows the app origin exactly', () => {
    expect(isAppUrl('app://postwright/')).toBe(true);
    expect(isAppUrl('app://postwright/files/x.png')).toBe(true);
    expect(isAppUrl('app://postwright.evil/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('app://x@postwright/')).toBe(false);
    expect(isAppUrl('https://postwright/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });

  it('allows only the app page itself', () => {
    expect(navigationDecision('app://postwright/')).toBe('allow');
    expect(navigationDecision('app://postwright/index.html#post')).toBe('allow');
    expect(navigationDecision('app://postwright/files/evil.svg')).toBe('deny');
    expect(navigationDecision('https://example.com/')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
    expect(navigationDecision('about:blank')).toBe('deny');
  });

  it('always denies new windows, opening only allowed links externally', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('app://postwright/')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('guardNavigation', () => {
  function guarded() {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardNavigation(contents, (url) => opened.push(url));
    return { contents, opened };
  }

  it('stops a clicked web link and opens it in the browser instead', () => {
    const { contents, opened } = guarded();
    expect(contents.emit('will-navigate', fakeEvent('https://example.com/post')).prevented).toBe(true);
    expect(opened).toEqual(['https://example.com/post']);
  });

  it('stops navigation to file: without opening anything', () => {
    const { contents, opened } = guarded();
    expect(contents.emit('will-navigate', fakeEvent('file:///etc/passwd')).prevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('lets the app page load itself', () => {
    const { contents } = guarded();
    expect(contents.emit('will-navigate', fakeEvent('app://postwright/')).prevented).toBe(false);
  });

  it('stops frame navigations and redirects away from the app, opening nothing', () => {
    const { contents, opened } = guarded();
    expect(contents.emit('will-frame-navigate', fakeEvent('https://example.com/', false)).prevented).toBe(true);
    expect(contents.emit('will-redirect', fakeEvent('https://example.com/')).prevented).toBe(true);
    expect(contents.emit('will-redirect', fakeEvent('app://postwright/files/x.html')).prevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('destroys any webview', () => {
    const { contents } = guarded();
    expect(contents.emit('will-attach-webview', fakeEvent()).prevented).toBe(true);
  });

  it('denies window.open, handing allowed links to the browser', () => {
    const { contents, opened } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://postwright/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });
});
