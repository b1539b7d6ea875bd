/** The author's preferences: kept in localStorage, shared by every component through one small store. */
import { useCallback, useSyncExternalStore } from 'react';

/** Colour theme: follow the system, or force one. */
export type Theme = 'system' | 'light' | 'dark';
/** How wide the preview column may grow. */
export type PreviewWidth = 'narrow' | 'normal' | 'wide';

/** Every preference the app has. */
export interface Settings {
  theme: Theme;
  autosave: boolean;
  editorFontSize: number;
  previewWidth: PreviewWidth;
  /** Scrolling the editor scrolls the preview to the same block, and the other way round. */
  scrollSync: boolean;
}

/** What a new install starts with (autosave off: saving is the author's decision until they choose otherwise). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  autosave: false,
  editorFontSize: 15,
  previewWidth: 'normal',
  scrollSync: true,
});

/** The localStorage key the settings live under. */
export const SETTINGS_KEY = 'postwright.settings';

/** The smallest and largest editor font sizes accepted, in CSS pixels. */
export const FONT_SIZE_RANGE = { min: 10, max: 32 } as const;

/** The part of the Web Storage API the settings need (a fake in tests, localStorage in the app). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const WIDTHS: readonly PreviewWidth[] = ['narrow', 'normal', 'wide'];

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function fontSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS.editorFontSize;
  return Math.min(FONT_SIZE_RANGE.max, Math.max(FONT_SIZE_RANGE.min, Math.round(value)));
}

/** Settings from any value: each field that is missing or malformed falls back to its default. */
export function normalizeSettings(value: unknown): Settings {
  const record: Record<string, unknown> =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {
    theme: pick(record['theme'], THEMES, DEFAULT_SETTINGS.theme),
    autosave: typeof record['autosave'] === 'boolean' ? record['autosave'] : DEFAULT_SETTINGS.autosave,
    editorFontSize: fontSize(record['editorFontSize']),
    previewWidth: pick(record['previewWidth'], WIDTHS, DEFAULT_SETTINGS.previewWidth),
    scrollSync: typeof record['scrollSync'] === 'boolean' ? record['scrollSync'] : DEFAULT_SETTINGS.scrollSync,
  };
}

/** Settings from stored text; garbage, or nothing stored, gives the defaults. */
export function parseSettings(raw: string | null): Settings {
  if (raw === null) return { ...DEFAULT_SETTINGS };
  try {
    return normalizeSettings(JSON.parse(raw));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Reads the settings; a storage that throws (disabled, sandboxed) gives the defaults. */
export function loadSettings(storage: SettingsStorage | null): Settings {
  try {
    return parseSettings(storage === null ? null : storage.getItem(SETTINGS_KEY));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Writes the settings; a full or disabled storage only means they last until the window closes. */
export function saveSettings(storage: SettingsStorage | null, settings: Settings): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

/** One source of truth for the settings, with subscribers told of every change. */
export interface SettingsStore {
  get: () => Settings;
  update: (change: Partial<Settings>) => void;
  subscribe: (listener: () => void) => () => void;
}

/** A settings store over a storage (read once at creation, written on every update). */
export function createSettingsStore(storage: SettingsStorage | null): SettingsStore {
  let current = loadSettings(storage);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    update: (change) => {
      current = normalizeSettings({ ...current, ...change });
      saveSettings(storage, current);
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's localStorage, or null where it is missing or refused (private modes, sandboxed pages). */
export function browserStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let appStore: SettingsStore | null = null;

/** The app's settings store (created on first use, over localStorage). */
export function settingsStore(): SettingsStore {
  appStore ??= createSettingsStore(browserStorage());
  return appStore;
}

/** The current settings and a function that changes some of them; every user re-renders on change. */
export function useSettings(): [Settings, (change: Partial<Settings>) => void] {
  const store = settingsStore();
  const settings = useSyncExternalStore(store.subscribe, store.get, store.get);
  const update = useCallback((change: Partial<Settings>) => store.update(change), [store]);
  return [settings, update];
}
