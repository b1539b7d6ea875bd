import { describe, expect, it } from 'vitest';
import { fail, ok, type JournalDraft, type JournalEntry } from '../../shared/api/contract';
import { adoptEntry, afterRename, forgetEntry, keepApart, sameEntry, withEntry } from './journalKeeping';

const SLOT = '0123456789abcdef';

function entry(body: string, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'alpha.md',
    baseVersion: 'v1',
    body,
    frontMatter: { kind: 'none' },
    title: 'Alpha',
    updatedAt: '2026-01-01T10:00:00.000Z',
    diskVersion: 'v1',
    ...extra,
  };
}

/** A journal API that records its calls in order. */
function recordingApi(keepFails = false) {
  const calls: string[] = [];
  const api = {
    keepJournal: (draft: JournalDraft) => {
      calls.push(`keep ${draft.body}`);
      return Promise.resolve(
        keepFails
          ? fail<JournalEntry>('IO', 'disk full')
          : ok(entry(draft.body, { slot: SLOT, updatedAt: '2026-01-02T00:00:00.000Z' })),
      );
    },
    writeJournal: (draft: JournalDraft) => {
      calls.push(`write ${draft.body}`);
      expect(Object.keys(draft).sort()).toEqual(['baseVersion', 'body', 'frontMatter', 'id']);
      return Promise.resolve(ok(null));
    },
    discardJournal: (id: string) => {
      calls.push(`discard ${id}`);
      return Promise.resolve(ok(null));
    },
    discardKeptJournal: (id: string, slot: string) => {
      calls.push(`discardKept ${id} ${slot}`);
      return Promise.resolve(ok(null));
    },
  };
  return { api, calls };
}

describe('keepApart (entries found at launch)', () => {
  it('moves each entry of a post journal apart, keeping when it was written', async () => {
    const { api, calls } = recordingApi();
    const already = entry('Kept before.', { slot: 'fedcba9876543210' });
    const kept = await keepApart(api, [entry('Crash-time text.'), already]);
    expect(calls).toEqual(['keep Crash-time text.']);
    expect(kept).toEqual([entry('Crash-time text.', { slot: SLOT }), already]);
  });

  it('offers the same edits once when the post journal and a kept file hold them both (a restore cut short)', async () => {
    const { api } = recordingApi();
    const kept = await keepApart(api, [
      entry('Restored, then the app died.'),
      entry('Restored, then the app died.', { slot: SLOT }),
    ]);
    expect(kept).toEqual([entry('Restored, then the app died.', { slot: SLOT })]);
  });

  it('offers an entry as it is when it cannot be moved', async () => {
    const { api } = recordingApi(true);
    expect(await keepApart(api, [entry('Stuck.')])).toEqual([entry('Stuck.')]);
  });
});

describe('forgetEntry and adoptEntry', () => {
  it('forgets the kept file of a kept entry, and the post journal of one that is not', async () => {
    const { api, calls } = recordingApi();
    await forgetEntry(api, entry('a', { slot: SLOT }));
    await forgetEntry(api, entry('b'));
    expect(calls).toEqual([`discardKept alpha.md ${SLOT}`, 'discard alpha.md']);
  });

  it('a restored kept entry becomes the post journal before its kept file is forgotten', async () => {
    const { api, calls } = recordingApi();
    await adoptEntry(api, entry('Restored.', { slot: SLOT }));
    expect(calls).toEqual(['write Restored.', `discardKept alpha.md ${SLOT}`]);
  });

  it('keeps the kept file when the post journal could not be written', async () => {
    const { api, calls } = recordingApi();
    api.writeJournal = () => Promise.resolve(fail('IO', 'disk full'));
    expect((await adoptEntry(api, entry('x', { slot: SLOT }))).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('the list of offered entries', () => {
  it('tells entries of one post apart by their slot, and replaces only the same file', () => {
    const a = entry('a', { slot: SLOT });
    const b = entry('b', { slot: 'fedcba9876543210' });
    expect(sameEntry(a, b)).toBe(false);
    expect(sameEntry(entry('x'), entry('y'))).toBe(true);
    expect(withEntry([a, b], { ...a, body: 'a2' })).toEqual([{ ...a, body: 'a2' }, b]);
  });
});

describe('afterRename', () => {
  it('offers each entry of the renamed post as the backend moved it, and leaves other posts and unmoved entries', () => {
    const kept = entry('kept', { slot: SLOT });
    const unmoved = entry('unreadable at the move', { slot: 'fedcba9876543210' });
    const other = entry('other', { id: 'beta.md' });
    const movedKept = { ...kept, id: 'renamed.md', diskVersion: 'v1' };
    const stale = entry('kept', { id: 'renamed.md', baseVersion: 'v0', slot: '1111111111111111' });
    const listed = [stale, movedKept, other, entry('unrelated', { id: 'renamed.md' })];
    expect(afterRename([kept, other, unmoved], 'alpha.md', 'renamed.md', listed)).toEqual([movedKept, other, unmoved]);
  });

  it('offers once an entry moved onto one already offered for the new name', () => {
    const offered = entry('same', { id: 'renamed.md', slot: SLOT });
    const moving = entry('same', { slot: SLOT });
    expect(afterRename([offered, moving], 'alpha.md', 'renamed.md', [offered])).toEqual([offered]);
  });
});
