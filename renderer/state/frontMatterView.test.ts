import { describe, expect, it } from 'vitest';
import type { FrontMatterInfo } from '../../shared/api/contract';
import { seedFrontMatter } from './fixtures';
import { createDraft, setMode } from './frontMatter';
import {
  FRONT_MATTER_OPEN_KEY,
  createFrontMatterViewStore,
  frontMatterSummary,
  isFormOpen,
  type ViewStorage,
  type WindowQuery,
} from './frontMatterView';

function memoryStorage(initial: Record<string, string> = {}): ViewStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

/** A window whose height the test can change, as matchMedia would report it. */
function windowQuery(tall: boolean): WindowQuery & { resize: (tall: boolean) => void } {
  const listeners: (() => void)[] = [];
  const query = {
    matches: tall,
    addEventListener: (_type: 'change', listener: () => void) => listeners.push(listener),
    resize: (next: boolean) => {
      query.matches = next;
      listeners.forEach((listener) => listener());
    },
  };
  return query;
}

const broken: FrontMatterInfo = {
  format: 'yaml',
  raw: 'title: "Broken',
  editable: false,
  fields: [],
  error: { message: 'Missing closing "quote', line: 1 },
};

describe('whether the front-matter form is open', () => {
  const draft = createDraft(seedFrontMatter());

  it('before any choice, follows the window: open when tall, folded on a laptop-height window', () => {
    const query = windowQuery(false);
    const store = createFrontMatterViewStore(memoryStorage(), query);
    expect(isFormOpen(store.get(), draft, 1)).toBe(false);
    query.resize(true);
    expect(isFormOpen(store.get(), draft, 1)).toBe(true);
  });

  it('remembers the author’s choice for the session, for every post opened after', () => {
    const storage = memoryStorage();
    const store = createFrontMatterViewStore(storage, windowQuery(false));
    store.choose(1, true);
    expect(storage.data[FRONT_MATTER_OPEN_KEY]).toBe('open');
    expect(isFormOpen(store.get(), draft, 2)).toBe(true);
    store.choose(2, false);
    expect(isFormOpen(store.get(), draft, 3)).toBe(false);
    // A window reloaded in the same session starts where the author left it.
    const again = createFrontMatterViewStore(storage, windowQuery(true));
    expect(isFormOpen(again.get(), draft, 1)).toBe(false);
  });

  it('opens a block that cannot be read as fields, or is being edited as text, until the author folds it', () => {
    const store = createFrontMatterViewStore(memoryStorage({ [FRONT_MATTER_OPEN_KEY]: 'closed' }), null);
    expect(isFormOpen(store.get(), createDraft(broken), 4)).toBe(true);
    expect(isFormOpen(store.get(), setMode(draft, 'raw'), 4)).toBe(true);
    store.choose(4, false);
    expect(isFormOpen(store.get(), createDraft(broken), 4)).toBe(false);
  });

  it('shows a post just created without changing the session’s choice', () => {
    const store = createFrontMatterViewStore(memoryStorage({ [FRONT_MATTER_OPEN_KEY]: 'closed' }), null);
    store.showFor(7);
    expect(isFormOpen(store.get(), draft, 7)).toBe(true);
    expect(isFormOpen(store.get(), draft, 8)).toBe(false);
  });

  it('tells its subscribers, and survives storage that refuses to work', () => {
    const refusing: ViewStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = createFrontMatterViewStore(refusing, windowQuery(false));
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.choose(1, true);
    expect(calls).toBe(1);
    expect(isFormOpen(store.get(), draft, 2)).toBe(true);
    unsubscribe();
    store.choose(1, false);
    expect(calls).toBe(1);
  });
});

describe('the folded summary line', () => {
  it('reads title · date · n fields · format', () => {
    expect(frontMatterSummary(createDraft(seedFrontMatter()))).toEqual({
      parts: ['Focus is the Ultimate Process', '2016-05-26', '5 fields', 'YAML'],
      warnings: 0,
      problem: null,
    });
  });

  it('counts warnings, and says a title field is missing (the body\u2019s H1 may title the post), leaving out a missing date', () => {
    const info: FrontMatterInfo = {
      format: 'toml',
      raw: 'date = "2024-02-30"',
      editable: true,
      fields: [{ key: 'date', kind: 'date', value: '  ', warning: 'Not a calendar date' }],
    };
    expect(frontMatterSummary(createDraft(info))).toEqual({
      parts: ['No title field', '1 field', 'TOML'],
      warnings: 1,
      problem: null,
    });
  });

  it('says why a block is shown as text, with the parser’s line', () => {
    const summary = frontMatterSummary(createDraft(broken));
    expect(summary.parts).toEqual(['Cannot be read (line 1: Missing closing "quote)', 'YAML']);
    expect(summary.problem).toBe('Missing closing "quote');
    const js = frontMatterSummary(
      createDraft({ format: 'js', raw: 'x', editable: false, fields: [], note: 'Never run.' }),
    );
    expect(js).toEqual({ parts: ['Shown as text', 'JavaScript'], warnings: 0, problem: 'Never run.' });
  });

  it('says so when a post has no front matter at all', () => {
    const none = frontMatterSummary(createDraft({ format: 'none', raw: '', editable: true, fields: [] }));
    expect(none.parts).toEqual(['No front matter yet']);
  });
});
