/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item,
 * against the real options, guards, session setup, allowlist, sender check and protocol.
 * Any item switched off fails here.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../shared/api/contract';
import { APP_CSP, APP_URL } from './app-url';
import { senderAllowed } from './ipc';
import { externalUrlAllowed } from './links';
import { createProtocolHandler, PRIVILEGED_SCHEMES } from './protocol';
import { configureSession, withAppCsp } from './session';
import { FakeContents, FakeSession, fakeEvent } from './testing/fakes';
import { guardNavigation, windowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const prefs = windowOptions('/preload.cjs', { shouldUseDarkColors: false }).webPreferences ?? {};

describe('web preferences', () => {
  it('2. does not enable Node integration anywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('3. enables context isolation', () => expect(prefs.contextIsolation).toBe(true));
  it('4. enables process sandboxing', () => expect(prefs.sandbox).toBe(true));
  it('6. does not disable webSecurity', () => expect(prefs.webSecurity).toBe(true));
  it('8. does not allow insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('9. does not enable experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('10. does not use enableBlinkFeatures', () => expect(prefs).not.toHaveProperty('enableBlinkFeatures'));
  it('11. does not allow <webview>', () => expect(prefs.webviewTag).toBe(false));
  it('does not navigate on file drop', () => expect(prefs.navigateOnDragDrop).toBe(false));
});

describe('Content-Security-Policy (7)', () => {
  const directives = new Map(
    APP_CSP.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('allows scripts from the app only: no inline, no eval, no remote', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });

  it('forbids plugins, base rewriting, frames and form posts', () => {
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
  });

  it('loads images from the app and data: only (no tracking pixels)', () => {
    expect(directives.get('img-src')).toBe("'self' data: blob:");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(APP_CSP).not.toMatch(/https?:|\*/);
  });

  it('is sent with every response of the session', () => {
    const session = new FakeSession();
    configureSession(session);
    let headers: Record<string, string[] | string> | undefined;
    session.headersListener?.({ url: APP_URL, responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers?.['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it('covers web and file pages a bug might load, but leaves DevTools alone', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1/', 'file:///x.html']) {
      expect(withAppCsp(url, {})['Content-Security-Policy']).toEqual([APP_CSP]);
    }
    expect(withAppCsp('devtools://devtools/bundled/inspector.html', {})).toEqual({});
  });

  describe('on the app protocol (header events do not fire for custom schemes)', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-checklist-'));
      await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('is set by the app:// handler on the page', async () => {
      const handler = createProtocolHandler({
        rendererDir: dir,
        resolveAsset: () => Promise.resolve(fail('NOT_FOUND', 'x')),
      });
      const response = await handler(new Request(APP_URL));
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    });
  });
});

describe('permissions (5)', () => {
  const session = new FakeSession();
  configureSession(session);

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.(null, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
    }
  });

  it('answers every permission check with no', () => {
    expect(session.permissionCheckHandler?.(null, 'media')).toBe(false);
    expect(session.permissionCheckHandler?.(null, 'clipboard-sanitized-write')).toBe(false);
  });

  it('prevents downloads', () => {
    const event = fakeEvent();
    for (const listener of session.downloadListeners) listener(event);
    expect(session.downloadListeners.length).toBeGreaterThan(0);
    expect(event.prevented).toBe(true);
  });
});

describe('navigation and new windows (13, 14)', () => {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardNavigation(contents, (url) => opened.push(url));

  it('guards will-navigate, will-frame-navigate, will-redirect and webview attachment', () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listeners.get(event)?.length ?? 0).toBeGreaterThan(0);
    }
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.emit(event, fakeEvent('https://evil.example/')).prevented).toBe(true);
      expect(contents.emit(event, fakeEvent('file:///etc/passwd')).prevented).toBe(true);
    }
  });

  it('denies every new window', () => {
    for (const url of ['https://example.com/', 'app://postwright/', 'about:blank', 'file:///x']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });
});

describe('shell.openExternal allowlist (15)', () => {
  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker/share/x.exe',
    '\\\\attacker\\share\\x.exe',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,x',
    'vscode://x',
  ])('refuses %s', (url) => {
    expect(externalUrlAllowed(url)).toBe(false);
  });

  it('allows web and mail links', () => {
    expect(externalUrlAllowed('https://example.com/')).toBe(true);
    expect(externalUrlAllowed('mailto:a@example.com')).toBe(true);
  });
});

describe('IPC sender validation (17)', () => {
  const own = { url: APP_URL, parent: null, processId: 1, routingId: 1 };
  it('accepts only our window main frame showing the app', () => {
    expect(senderAllowed(own, [own])).toBe(true);
    expect(senderAllowed({ ...own, url: 'https://evil.example/' }, [own])).toBe(false);
    expect(senderAllowed({ ...own, parent: own }, [own])).toBe(false);
    expect(senderAllowed(null, [own])).toBe(false);
  });
});

describe('custom protocol instead of file:// (18)', () => {
  it('registers app: as a secure standard scheme that does not bypass the CSP', () => {
    const [scheme] = PRIVILEGED_SCHEMES;
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme?.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_URL).toBe('app://postwright/');
  });

  it('is what the main process wires: sandbox for all, guards on every web contents, app:// loaded', async () => {
    const main = await readFile(path.join(here, 'index.ts'), 'utf8');
    expect(main).toContain('protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES)');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('configureSession(session.defaultSession)');
    expect(main).toMatch(/web-contents-created[^\n]*guardNavigation/);
    expect(main).toContain('loadURL(APP_URL)');
    expect(main).not.toMatch(/loadFile|file:\/\//);
    expect(main).not.toMatch(/nodeIntegration|contextIsolation|sandbox:\s*false/);
  });
});

describe('preload exposes named functions only', () => {
  it('exposes blog, blogEvents and desktop, never ipcRenderer', async () => {
    const preload = await readFile(path.join(here, '..', 'preload', 'index.ts'), 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)',\s*(\w+)\)/g)].map((m) => [m[1], m[2]]);
    expect(exposed).toEqual([
      ['blog', 'blog'],
      ['blogEvents', 'blogEvents'],
      ['desktop', 'desktop'],
    ]);
    expect(preload.match(/exposeInMainWorld/g)?.length).toBe(3);
  });
});
