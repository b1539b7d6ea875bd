import { describe, expect, it } from 'vitest';
import type { CloseReason } from '../../shared/api/desktop';
import { createCloseFlow } from './closeRequest';

function page(options: { dirty: boolean; saves?: boolean }) {
  const answers: [number, string][] = [];
  const shown: (CloseReason | null)[] = [];
  const log: string[] = [];
  let dirty = options.dirty;
  const flow = createCloseFlow({
    isDirty: () => dirty,
    answer: (request, answer) => {
      answers.push([request, answer]);
      log.push(`answer ${answer}`);
    },
    show: (reason) => shown.push(reason),
    save: () => {
      log.push('save');
      if (options.saves === true) dirty = false;
      return Promise.resolve(options.saves === true);
    },
    forget: () => {
      log.push('forget');
      return Promise.resolve();
    },
  });
  return { flow, answers, shown, log };
}

describe('createCloseFlow', () => {
  it('lets the window close at once when nothing is unsaved', () => {
    const p = page({ dirty: false });
    p.flow.request({ request: 1, reason: 'close' });
    expect(p.answers).toEqual([[1, 'close']]);
    expect(p.shown).toEqual([]);
  });

  it('says it is asking, shows the question, and closes after a save that worked', async () => {
    const p = page({ dirty: true, saves: true });
    p.flow.request({ request: 2, reason: 'quit' });
    expect(p.answers).toEqual([[2, 'asking']]);
    expect(p.shown).toEqual(['quit']);
    await p.flow.choose('save');
    expect(p.shown).toEqual(['quit', null]);
    // The journal is forgotten before the window goes, so nothing is offered again at the next start.
    expect(p.log).toEqual(['answer asking', 'save', 'forget', 'answer close']);
  });

  it('keeps the window open when the save fails', async () => {
    const p = page({ dirty: true, saves: false });
    p.flow.request({ request: 3, reason: 'close' });
    await p.flow.choose('save');
    expect(p.answers).toEqual([
      [3, 'asking'],
      [3, 'stay'],
    ]);
    expect(p.log).not.toContain('forget');
  });

  it("closes without saving on Don't save, forgetting the journal first", async () => {
    const p = page({ dirty: true });
    p.flow.request({ request: 4, reason: 'close' });
    await p.flow.choose('discard');
    expect(p.log).toEqual(['answer asking', 'forget', 'answer close']);
  });

  it('stays on Cancel, keeping the edits and the journal', async () => {
    const p = page({ dirty: true });
    p.flow.request({ request: 5, reason: 'close' });
    await p.flow.choose('cancel');
    expect(p.answers).toEqual([
      [5, 'asking'],
      [5, 'stay'],
    ]);
    expect(p.log).not.toContain('forget');
  });

  it('answers the newest request when another comes while the question is open', async () => {
    const p = page({ dirty: true });
    p.flow.request({ request: 6, reason: 'close' });
    p.flow.request({ request: 7, reason: 'quit' });
    expect(p.shown).toEqual(['close', 'quit']);
    await p.flow.choose('discard');
    expect(p.answers).toEqual([
      [6, 'asking'],
      [7, 'asking'],
      [7, 'close'],
    ]);
  });

  it('ignores a choice when no question is open', async () => {
    const p = page({ dirty: true });
    await p.flow.choose('save');
    expect(p.log).toEqual([]);
  });
});
