/**
 * The checklist items security-checklist.test.ts states once, as matrices: every navigation
 * event and new-window request against hostile URLs (only web and mail links ever reach the
 * system browser; `file:`, `smb:`, UNC paths and custom schemes never do), the remaining web
 * preferences, and no source file of the main process or preload turning a defence off.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeContents, fakeEvent } from './testing/fakes';
import { guardNavigation, windowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

/** URLs a post, a redirect or a compromised page could try to go to. */
const NEVER_OPENED = [
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'file://server/share/x.exe',
  'smb://evil.example/share/x.exe',
  '\\\\evil.example\\share\\x.exe',
  '//evil.example/share/x.exe',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=x&crumb=location:\\\\evil.example\\share',
  'ms-officecmd:{}',
  'vscode://file/etc/passwd',
  'x-apple.systempreferences:',
  'javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://postwright/uuid',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://postwright/files/images/evil.svg',
  'app://evil/',
  'https://user:pass@example.com/',
  'mailto:a@example.com?attach=/etc/passwd',
];
const WEB = ['https://example.com/post', 'http://example.com/', 'mailto:someone@example.com'];
const EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

function guarded(): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardNavigation(contents, (url) => opened.push(url));
  return { contents, opened };
}

describe('navigation guards (13)', () => {
  it.each(EVENTS)('%s stops every hostile URL and hands none of them to the system', (event) => {
    const { contents, opened } = guarded();
    for (const url of NEVER_OPENED) {
      expect(contents.emit(event, fakeEvent(url)).prevented, url).toBe(true);
      expect(contents.emit(event, fakeEvent(url, false)).prevented, `${url} in a subframe`).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it.each(EVENTS)('%s stops web links too; only a clicked one opens in the browser', (event) => {
    const { contents, opened } = guarded();
    for (const url of WEB) expect(contents.emit(event, fakeEvent(url)).prevented).toBe(true);
    expect(opened).toEqual(event === 'will-navigate' ? WEB : []);
  });

  it('lets only the app page itself load', () => {
    const { contents } = guarded();
    for (const event of EVENTS) {
      expect(contents.emit(event, fakeEvent('app://postwright/')).prevented).toBe(false);
      expect(contents.emit(event, fakeEvent('app://postwright/index.html')).prevented).toBe(false);
    }
  });
});

describe('new windows (14)', () => {
  it('denies every window.open, handing only web and mail links to the system', () => {
    const { contents, opened } = guarded();
    for (const url of [...NEVER_OPENED, ...WEB])
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual(WEB);
  });

  it('destroys every webview before it attaches', () => {
    const { contents } = guarded();
    expect(contents.emit('will-attach-webview', fakeEvent('https://evil.example/')).prevented).toBe(true);
  });
});

describe('the remaining web preferences', () => {
  const prefs = windowOptions('/preload.cjs', { shouldUseDarkColors: false }).webPreferences ?? {};

  it('keeps dialogs spammable by no page, WebSQL off, and no drop navigation', () => {
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('sets nothing that widens what the page can do', () => {
    for (const key of [
      'enableBlinkFeatures',
      'additionalArguments',
      'plugins',
      'allowFileAccessFromFileUrls',
      'nodeIntegrationInWorker',
    ]) {
      if (key === 'nodeIntegrationInWorker') expect(prefs[key]).toBe(false);
      else expect(prefs, key).not.toHaveProperty(key);
    }
  });
});

describe('no source of the main process or preload turns a defence off', () => {
  const FORBIDDEN: [string, RegExp][] = [
    ['nodeIntegration on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['contextIsolation off', /contextIsolation\s*:\s*false/],
    ['sandbox off', /sandbox\s*:\s*false|--no-sandbox|no-sandbox/],
    ['webSecurity off', /webSecurity\s*:\s*false/],
    ['insecure content', /allowRunningInsecureContent\s*:\s*true/],
    ['experimental features', /experimentalFeatures\s*:\s*true/],
    ['Blink features', /enableBlinkFeatures/],
    ['webviews', /webviewTag\s*:\s*true/],
    ['a CSP bypass', /bypassCSP|unsafe-eval/],
    ['file:// pages', /loadFile\s*\(|loadURL\s*\(\s*['"`]file:/],
    ['raw ipcRenderer or remote', /exposeInMainWorld\([^)]*ipcRenderer|@electron\/remote|enableRemoteModule/],
    ['certificate errors ignored', /ignore-certificate-errors|certificate-error/],
    ['a granted permission', /callback\(\s*true\s*\)/],
  ];

  it.each(['main', 'preload'])('electron/%s', async (folder) => {
    const dir = path.join(here, '..', folder);
    const files = (await readdir(dir, { recursive: true })).filter(
      (f) => /\.(ts|mjs)$/.test(f) && !/\.test\.ts$|testing\//.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // Comments may name a defence ("never bypassCSP"); only code counts.
      const text = (await readFile(path.join(dir, file), 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const [name, pattern] of FORBIDDEN) expect(pattern.test(text), `${folder}/${file}: ${name}`).toBe(false);
    }
  });
});
