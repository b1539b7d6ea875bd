import { describe, expect, it } from 'vitest';
import {
  findRequestOf,
  findToggleKeys,
  findToggleOf,
  onFindRequest,
  requestFind,
  type FindRequest,
} from './findRequests';

function key(init: Partial<KeyboardEventInit> & { key: string }): KeyboardEvent {
  // A plain object with a KeyboardEvent's fields: the tests run without a DOM.
  return { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', ...init } as KeyboardEvent;
}

describe('findRequestOf', () => {
  it('reads Ctrl/Cmd+F, Ctrl/Cmd+H, F3 and Ctrl/Cmd+G, with Shift going back', () => {
    expect(findRequestOf(key({ key: 'f', ctrlKey: true }), false)).toBe('find');
    expect(findRequestOf(key({ key: 'F', metaKey: true }), true)).toBe('find');
    expect(findRequestOf(key({ key: 'h', ctrlKey: true }), false)).toBe('replace');
    expect(findRequestOf(key({ key: 'F3' }), false)).toBe('next');
    expect(findRequestOf(key({ key: 'F3', shiftKey: true }), false)).toBe('previous');
    expect(findRequestOf(key({ key: 'g', ctrlKey: true }), false)).toBe('next');
    expect(findRequestOf(key({ key: 'G', ctrlKey: true, shiftKey: true }), false)).toBe('previous');
  });

  it('takes Cmd+Alt+F for replace on macOS only, and leaves Ctrl/Cmd+Shift+F to Search posts', () => {
    expect(findRequestOf(key({ key: 'ƒ', code: 'KeyF', metaKey: true, altKey: true }), true)).toBe('replace');
    expect(findRequestOf(key({ key: 'f', code: 'KeyF', ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(findRequestOf(key({ key: 'F', ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(findRequestOf(key({ key: 'f' }), false)).toBeNull();
    expect(findRequestOf(key({ key: 'F3', ctrlKey: true }), false)).toBeNull();
  });
});

describe('findToggleOf', () => {
  it('flips match case and whole word with Alt+C and Alt+W off macOS, whatever character they type', () => {
    expect(findToggleOf(key({ key: 'c', code: 'KeyC', altKey: true }), false)).toBe('matchCase');
    expect(findToggleOf(key({ key: 'w', code: 'KeyW', altKey: true }), false)).toBe('wholeWord');
    // Another layout's character on the same key.
    expect(findToggleOf(key({ key: 'z', code: 'KeyW', altKey: true }), false)).toBe('wholeWord');
    expect(findToggleOf(key({ key: 'c', code: 'KeyC' }), false)).toBeNull();
    // AltGr (Ctrl+Alt) types characters; Shift, Cmd/Win and other keys are not these.
    expect(findToggleOf(key({ key: 'c', code: 'KeyC', altKey: true, ctrlKey: true }), false)).toBeNull();
    expect(findToggleOf(key({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true }), false)).toBeNull();
    expect(findToggleOf(key({ key: 'c', code: 'KeyC', altKey: true, metaKey: true }), false)).toBeNull();
    expect(findToggleOf(key({ key: 'x', code: 'KeyX', altKey: true }), false)).toBeNull();
  });

  it('on macOS takes Cmd+Option+C and Cmd+Option+W, and leaves Option+C ("ç") and Option+W ("∑") to be typed', () => {
    expect(findToggleOf(key({ key: 'ç', code: 'KeyC', altKey: true, metaKey: true }), true)).toBe('matchCase');
    expect(findToggleOf(key({ key: '∑', code: 'KeyW', altKey: true, metaKey: true }), true)).toBe('wholeWord');
    expect(findToggleOf(key({ key: 'ç', code: 'KeyC', altKey: true }), true)).toBeNull();
    expect(findToggleOf(key({ key: '∑', code: 'KeyW', altKey: true }), true)).toBeNull();
    expect(findToggleOf(key({ key: 'c', code: 'KeyC', metaKey: true }), true)).toBeNull();
    expect(findToggleOf(key({ key: 'c', code: 'KeyC', altKey: true, ctrlKey: true }), true)).toBeNull();
    expect(findToggleOf(key({ key: 'C', code: 'KeyC', altKey: true, metaKey: true, shiftKey: true }), true)).toBeNull();
  });

  it('shows and tells the keys of each platform', () => {
    expect(findToggleKeys(false)).toEqual({
      matchCase: { label: 'Alt+C', aria: 'Alt+C' },
      wholeWord: { label: 'Alt+W', aria: 'Alt+W' },
    });
    expect(findToggleKeys(true)).toEqual({
      matchCase: { label: '⌘+⌥+C', aria: 'Meta+Alt+C' },
      wholeWord: { label: '⌘+⌥+W', aria: 'Meta+Alt+W' },
    });
  });
});

describe('requestFind', () => {
  it('reaches every listener until it stops listening', () => {
    const heard: FindRequest[] = [];
    const stop = onFindRequest((request) => heard.push(request));
    requestFind('find');
    requestFind('next');
    stop();
    requestFind('replace');
    expect(heard).toEqual(['find', 'next']);
  });
});
