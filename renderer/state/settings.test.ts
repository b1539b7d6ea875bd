import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  createSettingsStore,
  loadSettings,
  parseSettings,
  saveSettings,
  type SettingsStorage,
} from './settings';

function memoryStorage(initial: Record<string, string> = {}): SettingsStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
  };
}

describe('settings', () => {
  it('starts with autosave off and the system theme', () => {
    expect(parseSettings(null)).toEqual({
      theme: 'system',
      autosave: false,
      editorFontSize: 15,
      previewWidth: 'normal',
      scrollSync: true,
    });
  });

  it('gives the defaults for garbage, and keeps each valid field of a partly broken value', () => {
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('null')).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings(
        JSON.stringify({ theme: 'purple', autosave: 'yes', editorFontSize: 'big', previewWidth: 3, scrollSync: 0 }),
      ),
    ).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(JSON.stringify({ theme: 'dark', autosave: true, editorFontSize: 999 }))).toEqual({
      theme: 'dark',
      autosave: true,
      editorFontSize: 32,
      previewWidth: 'normal',
      scrollSync: true,
    });
  });

  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const settings = {
      theme: 'light',
      autosave: true,
      editorFontSize: 18,
      previewWidth: 'wide',
      scrollSync: false,
    } as const;
    expect(saveSettings(storage, settings)).toBe(true);
    expect(loadSettings(storage)).toEqual(settings);
  });

  it('survives a storage that throws', () => {
    const broken: SettingsStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
    expect(saveSettings(broken, { ...DEFAULT_SETTINGS })).toBe(false);
    expect(loadSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('a store reads once, writes every update and tells its subscribers', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ autosave: true }) });
    const store = createSettingsStore(storage);
    expect(store.get().autosave).toBe(true);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update({ theme: 'dark' });
    expect(store.get()).toMatchObject({ theme: 'dark', autosave: true });
    expect(JSON.parse(storage.data.get(SETTINGS_KEY) ?? '')).toMatchObject({ theme: 'dark', autosave: true });
    unsubscribe();
    store.update({ autosave: false });
    expect(calls).toBe(1);
  });
});
