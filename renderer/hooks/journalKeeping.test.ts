import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type JournalDraft, type JournalEntry } from '../../shared/api/contract';
import {
  adoptEntry,
  afterRename,
  editorSession,
  forgetEntry,
  keepApart,
  liveSessions,
  newEditorSession,
  sameEntry,
  versionNote,
  withEntry,
} from './journalKeeping';

const SLOT = '0123456789abcdef';
/** This tab's editor session, and another tab's. */
const MINE = 'a'.repeat(32);
const THEIRS = 'b'.repeat(32);
const at = (session?: string) => (session === undefined ? '' : ` @${session.slice(0, 1)}`);

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
    keepJournal: (draft: JournalDraft, ...session: [string?]) => {
      calls.push(`keep ${draft.body}${at(...session)}`);
      // Never an explicit undefined: it would reach the server as null and be refused.
      expect(session).not.toEqual([undefined]);
      return Promise.resolve(
        keepFails
          ? fail<JournalEntry>('IO', 'disk full')
          : ok(entry(draft.body, { slot: SLOT, updatedAt: '2026-01-02T00:00:00.000Z' })),
      );
    },
    writeJournal: (draft: JournalDraft, ...session: [string?]) => {
      calls.push(`write ${draft.body}${at(...session)}`);
      expect(session).not.toEqual([undefined]);
      expect(Object.keys(draft).sort()).toEqual(['baseVersion', 'body', 'frontMatter', 'id']);
      return Promise.resolve(ok(null));
    },
    discardJournal: (id: string, ...session: [string?]) => {
      calls.push(`discard ${id}${at(...session)}`);
      expect(session).not.toEqual([undefined]);
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

  it("moves each tab's entry of one post out of that tab's own file, and an earlier version's out of the shared one", async () => {
    const { api, calls } = recordingApi();
    await keepApart(api, [entry('From tab A.', { session: MINE }), entry('From tab B.', { session: THEIRS })]);
    await keepApart(api, [entry('Written by an earlier version.')]);
    expect(calls).toEqual(['keep From tab A. @a', 'keep From tab B. @b', 'keep Written by an earlier version.']);
  });

  it("leaves a live tab's entries alone: neither moved nor offered (a second tab could discard the first's work)", async () => {
    const { api, calls } = recordingApi();
    const kept = await keepApart(
      api,
      [entry('Tab A, still open.', { session: THEIRS }), entry('Tab gone.', { session: MINE }), entry('Old version.')],
      new Set([THEIRS]),
    );
    expect(calls).toEqual(['keep Tab gone. @a', 'keep Old version.']);
    expect(kept.map((e) => e.body)).not.toContain('Tab A, still open.');
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

  it("forgets only the file of the tab that wrote an entry, never the other tab's", async () => {
    const { api, calls } = recordingApi();
    await forgetEntry(api, entry('b', { session: THEIRS }));
    expect(calls).toEqual(['discard alpha.md @b']);
  });

  it("a restored kept entry becomes this tab's journal of the post before its kept file is forgotten", async () => {
    const { api, calls } = recordingApi();
    await adoptEntry(api, entry('Restored.', { slot: SLOT }), MINE);
    expect(calls).toEqual(['write Restored. @a', `discardKept alpha.md ${SLOT}`]);
  });

  it("a restored entry of another tab (or an earlier version) moves into this tab's journal", async () => {
    const { api, calls } = recordingApi();
    await adoptEntry(api, entry('Theirs.', { session: THEIRS }), MINE);
    await adoptEntry(api, entry('Old.'), MINE);
    await adoptEntry(api, entry('Mine already.', { session: MINE }), MINE);
    expect(calls).toEqual(['write Theirs. @a', 'discard alpha.md @b', 'write Old. @a', 'discard alpha.md']);
  });

  it('keeps the kept file when the post journal could not be written', async () => {
    const { api, calls } = recordingApi();
    api.writeJournal = () => Promise.resolve(fail('IO', 'disk full'));
    expect((await adoptEntry(api, entry('x', { slot: SLOT }), MINE)).ok).toBe(false);
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

  it("tells two tabs' entries of one post apart by their session", () => {
    const a = entry('a', { session: MINE });
    const b = entry('b', { session: THEIRS });
    expect(sameEntry(a, b)).toBe(false);
    expect(sameEntry(a, { ...a, body: 'a2' })).toBe(true);
    expect(withEntry([a], b)).toEqual([b, a]);
  });

  it('says which of several versions of one post is newer, and nothing for a post with one', () => {
    const older = entry('older', { slot: SLOT, updatedAt: '2026-01-01T10:00:01.000Z' });
    const newer = entry('newer', { slot: 'fedcba9876543210', updatedAt: '2026-01-01T10:00:02.000Z' });
    const other = entry('other', { id: 'beta.md' });
    const list = [newer, other, older];
    expect(versionNote(list, newer)).toBe('Newer of 2 unsaved versions of this post');
    expect(versionNote(list, older)).toBe('Older of 2 unsaved versions of this post');
    expect(versionNote(list, other)).toBeNull();
    const middle = entry('middle', { session: MINE, updatedAt: '2026-01-01T10:00:01.500Z' });
    const three = [older, newer, middle];
    expect(three.map((one) => versionNote(three, one))).toEqual([
      'Oldest of 3 unsaved versions of this post',
      'Newest of 3 unsaved versions of this post',
      'Number 2, newest first, of 3 unsaved versions of this post',
    ]);
  });
});

describe('the editor session', () => {
  it('is 32 lowercase hex digits, new each time one is made', () => {
    expect(newEditorSession()).toMatch(/^[0-9a-f]{32}$/);
    expect(newEditorSession()).not.toBe(newEditorSession());
    expect(newEditorSession(() => new Uint8Array(16).fill(0xab))).toBe('ab'.repeat(16));
  });

  it('is made once per page load: the same for every render until the page reloads', () => {
    expect(editorSession()).toMatch(/^[0-9a-f]{32}$/);
    expect(editorSession()).toBe(editorSession());
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

describe('live editor sessions (Web Locks)', () => {
  /** A lock manager of one browser: requests are held until released (never, for a page's session). */
  function fakeLocks() {
    const held: { name: string }[] = [];
    return {
      request: (name: string) => {
        held.push({ name });
        return new Promise<never>(() => undefined);
      },
      query: () => Promise.resolve({ held: [...held, { name: 'someone-else' }], pending: [] }),
    };
  }

  it("names the sessions whose pages hold their lock, this page's once it has one", async () => {
    const locks = fakeLocks() as unknown as Parameters<typeof liveSessions>[0];
    void locks?.request('postwright-editor-session-' + THEIRS, () => new Promise(() => undefined));
    // A fresh module: this page's session is made (and its lock taken) on first use.
    vi.resetModules();
    const fresh = await import('./journalKeeping');
    const mine = fresh.editorSession(locks);
    expect(fresh.editorSession(locks)).toBe(mine);
    expect(await liveSessions(locks)).toEqual(new Set([THEIRS, mine]));
    expect(await liveSessions(undefined)).toEqual(new Set());
  });
});
