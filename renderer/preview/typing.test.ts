import { describe, expect, it } from 'vitest';
import { reconcile, startTyping, typedText } from './typing';

const long = 'x'.repeat(6_000);

describe('typing ahead of the app state', () => {
  it('keeps what was typed while the app state comes back late, in order', () => {
    let state = startTyping(long);
    state = typedText(typedText(typedText(state, `${long}a`), `${long}ab`), `${long}abc`);
    // The app has caught up with the first key only: an echo, the textarea keeps its text.
    const first = reconcile(state, `${long}a`, true);
    expect(first.revision).toBe(state.revision);
    expect(first.typed).toEqual([`${long}ab`, `${long}abc`]);
    // Then with everything: nothing left on its way.
    const all = reconcile(first, `${long}abc`, false);
    expect(all.revision).toBe(state.revision);
    expect(all.typed).toEqual([]);
  });

  it('returns the same state when nothing changed', () => {
    const state = typedText(startTyping(long), `${long}a`);
    expect(reconcile(state, long, true)).toBe(state);
  });

  it('takes a text from elsewhere at once, even while typed text is on its way', () => {
    const state = typedText(startTyping(long), `${long}a`);
    const inserted = reconcile(state, `${long}a![photo](photo.png)`, true);
    expect(inserted.revision).toBe(state.revision + 1);
    expect(inserted.taken).toBe(`${long}a![photo](photo.png)`);
    expect(inserted.typed).toEqual([]);
  });

  it('takes a short text like a long one (one textarea at every size)', () => {
    let state = typedText(startTyping('short'), 'shorts');
    state = reconcile(state, 'shorts', false);
    expect(state).toMatchObject({ typed: [], seen: 'shorts', taken: 'short', revision: 0 });
    state = reconcile(state, 'another post', false);
    expect(state).toMatchObject({ taken: 'another post', revision: 1 });
  });

  it('believes the app once typing settled, even when it says an older typed text', () => {
    let state = typedText(typedText(startTyping(long), `${long}a`), `${long}ab`);
    state = reconcile(state, `${long}a`, false);
    expect(state.taken).toBe(`${long}a`);
    expect(state.revision).toBe(1);
  });
});
