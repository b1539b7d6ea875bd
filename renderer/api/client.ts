/**
 * The renderer's one door to the backend, and the only reader of `window.blog`: the preload's
 * bridge in Electron, or the HTTP client in browser mode.
 */
import type { BlogApi } from '../../shared/api/contract';
import type { DesktopApi } from '../../shared/api/desktop';
import { createHttpEvents, type BlogEventSource } from './events';
import { createHttpApi } from './http';

declare global {
  interface Window {
    blog?: BlogApi;
    blogEvents?: BlogEventSource;
    desktop?: DesktopApi;
  }
}

/** Everything the UI talks to. `desktop` is present only where the desktop extras exist. */
export interface Backend {
  api: BlogApi;
  events: BlogEventSource;
  desktop: DesktopApi | null;
}

let backend: Backend | null = null;

/** The backend of this window, built once. */
export function getBackend(): Backend {
  backend ??= connect();
  return backend;
}

function connect(): Backend {
  const desktop = window.desktop ?? null;
  if (window.blog && window.blogEvents) return { api: window.blog, events: window.blogEvents, desktop };
  const world = { token: pageToken(), baseUrl: window.location.href, fetchFn: window.fetch.bind(window) };
  const schedule = (fn: () => void, ms: number): (() => void) => {
    const timer = window.setTimeout(fn, ms);
    return () => window.clearTimeout(timer);
  };
  return { api: createHttpApi(world), events: createHttpEvents({ ...world, schedule }), desktop };
}

/** The token the browser-mode server injected into the page (empty when absent). */
function pageToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="postwright-token"]');
  return meta?.content ?? '';
}
