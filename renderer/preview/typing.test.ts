import { describe, expect, it } from 'vitest';
import { PLAIN_FROM, reconcile, startTyping, typedText } from './typing';

const long = 'x'.repeat(PLAIN_FROM);

describe('typing ahead of the app state', () => {
  it('picks the plain textarea for long texts only', () => {
    expect(startTyping('short').plain).toBe(false);
    expect(startTyping(long).plain).toBe(true);
  });

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

  it('believes the app once typing settled, even when it says an older typed text', () => {
    let state = typedText(typedText(startTyping(long), `${long}a`), `${long}ab`);
    state = reconcile(state, `${long}a`, false);
    expect(state.taken).toBe(`${long}a`);
    expect(state.revision).toBe(1);
  });

  it('switches to the plain textarea when typing makes a short post long, and back only on a new text', () => {
    let state = startTyping('short');
    state = reconcile(state, long, false);
    expect(state.plain).toBe(true);
    // Deleting back below the limit keeps the plain textarea (no switch under the author's caret).
    state = typedText(state, 'short again');
    state = reconcile(state, 'short again', false);
    expect(state.plain).toBe(true);
    // Another post opened: its own size decides.
    state = reconcile(state, 'another post', false);
    expect(state.plain).toBe(false);
  });
});
