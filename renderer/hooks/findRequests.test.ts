import { describe, expect, it } from 'vitest';
import { findRequestOf, onFindRequest, requestFind, type FindRequest } from './findRequests';

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
