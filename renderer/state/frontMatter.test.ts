import { describe, expect, it } from 'vitest';
import {
  addField,
  createDraft,
  editRaw,
  fieldClashes,
  frontMatterChange,
  modeSwitchProblem,
  newKeyProblem,
  rebaseDraft,
  removeField,
  setField,
  setMode,
  undoFieldChanges,
  UNSORTABLE_DATE_WARNING,
} from './frontMatter';
import type { FrontMatterInfo } from '../../shared/api/contract';
import { seedFrontMatter } from './fixtures';

describe('front-matter draft', () => {
  it('sends nothing when nothing was touched', () => {
    expect(frontMatterChange(createDraft(seedFrontMatter()))).toEqual({ kind: 'none' });
  });

  it('sends only the key the author changed, with the text as typed', () => {
    const draft = setField(createDraft(seedFrontMatter()), 'title', { kind: 'text', text: 'Focus, "Revisited"' });
    expect(frontMatterChange(draft)).toEqual({
      kind: 'fields',
      edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: 'Focus, "Revisited"' } }],
    });
    expect(draft.fields.map((field) => field.key)).toEqual(['path', 'date', 'title', 'tags', 'draft']);
    expect(draft.fields[2]?.value).toBe('Focus, "Revisited"');
  });

  it('keeps a date exactly as typed, never reformatted', () => {
    const draft = setField(createDraft(seedFrontMatter()), 'date', { kind: 'date', text: '26 May 2016' });
    expect(frontMatterChange(draft)).toEqual({
      kind: 'fields',
      edits: [{ op: 'set', key: 'date', value: { kind: 'date', text: '26 May 2016' } }],
    });
  });

  it('withdraws the edit when a value is set back to what is on disk', () => {
    let draft = setField(createDraft(seedFrontMatter()), 'tags', { kind: 'list', items: ['work'] });
    draft = setField(draft, 'tags', { kind: 'list', items: ['work', 'focus'] });
    draft = setField(draft, 'draft', { kind: 'boolean', value: true });
    draft = setField(draft, 'draft', { kind: 'boolean', value: false });
    expect(frontMatterChange(draft)).toEqual({ kind: 'none' });
  });

  it('keeps one edit per key, the latest value, in first-touched order', () => {
    let draft = setField(createDraft(seedFrontMatter()), 'title', { kind: 'text', text: 'A' });
    draft = setField(draft, 'path', { kind: 'text', text: '/b' });
    draft = setField(draft, 'title', { kind: 'text', text: 'C' });
    expect(draft.edits).toEqual([
      { op: 'set', key: 'title', value: { kind: 'text', text: 'C' } },
      { op: 'set', key: 'path', value: { kind: 'text', text: '/b' } },
    ]);
  });

  it('removes an existing key with a remove edit', () => {
    const draft = removeField(createDraft(seedFrontMatter()), 'tags');
    expect(draft.fields.some((field) => field.key === 'tags')).toBe(false);
    expect(frontMatterChange(draft)).toEqual({ kind: 'fields', edits: [{ op: 'remove', key: 'tags' }] });
  });

  it('adds a new key at the end, and removing it again leaves nothing to send', () => {
    let draft = addField(createDraft(seedFrontMatter()), 'description', 'On focus');
    expect(draft.fields.at(-1)).toEqual({ key: 'description', kind: 'text', value: 'On focus' });
    expect(draft.edits).toEqual([{ op: 'set', key: 'description', value: { kind: 'text', text: 'On focus' } }]);
    draft = removeField(draft, 'description');
    expect(frontMatterChange(draft)).toEqual({ kind: 'none' });
  });

  it('adds true or false as a boolean, and a list key’s commas as its items', () => {
    const base = removeField(createDraft(seedFrontMatter()), 'draft');
    expect(addField(base, 'draft', 'true').fields.at(-1)).toMatchObject({ key: 'draft', kind: 'boolean', value: true });
    expect(addField(base, 'published', ' False ').fields.at(-1)).toMatchObject({ kind: 'boolean', value: false });
    expect(addField(base, 'categories', 'writing, tools,  ,notes').edits.at(-1)).toEqual({
      op: 'set',
      key: 'categories',
      value: { kind: 'list', items: ['writing', 'tools', 'notes'] },
    });
    // A list key's value is a list even when it reads like a flag; names with commas stay text.
    expect(addField(base, 'keywords', 'true').fields.at(-1)).toMatchObject({ kind: 'list', value: ['true'] });
    expect(addField(base, 'authors', 'Smith, John').fields.at(-1)).toMatchObject({
      kind: 'text',
      value: 'Smith, John',
    });
    // Other text stays as typed, commas and all.
    expect(addField(base, 'description', 'true, and more').fields.at(-1)).toMatchObject({
      kind: 'text',
      value: 'true, and more',
    });
  });

  it('says at once when a date typed in is not on any calendar', () => {
    const base = createDraft(seedFrontMatter());
    const impossible = setField(base, 'date', { kind: 'date', text: '2026-02-30' });
    expect(impossible.fields.find((field) => field.key === 'date')?.warning).toBe('not a valid calendar date');
    const leap = setField(impossible, 'date', { kind: 'date', text: '2024-02-29' });
    expect(leap.fields.find((field) => field.key === 'date')?.warning).toBeUndefined();
    // A date written another way that the list can still sort is the author's to write: no warning.
    const words = setField(base, 'date', { kind: 'date', text: 'July 8, 2022' });
    expect(words.fields.find((field) => field.key === 'date')?.warning).toBeUndefined();
  });

  it('warns when a date typed in is not one the post list can sort', () => {
    const base = createDraft(seedFrontMatter());
    const warningFor = (text: string, key = 'date', kind: 'date' | 'text' = 'date') =>
      setField(base, key, { kind, text }).fields.find((field) => field.key === key)?.warning;
    for (const text of ['next tuesday', '26/11/2026', '11/26/2026', 'May 2026', '2026', 'tomorrow 10am']) {
      expect(warningFor(text), text).toBe(UNSORTABLE_DATE_WARNING);
    }
    expect(UNSORTABLE_DATE_WARNING).toBe('Not a date the list can sort: write it as 2026-11-26');
    // The shapes real blogs write (Jekyll, Hexo, Hugo, Astro, Eleventy…) sort, so they pass quietly.
    for (const text of [
      '2026-11-26',
      '2017-04-05 16:16:01 -0800',
      '2024-05-01T10:00:00Z',
      '2016-09-01T23:46:37.121Z',
      '2017-04-10T11:00:59-04:00',
      '2015-11-3',
      '2015-11-3 10:30:00',
      '2018-7-24 23:31:06',
      '2019-06-01 15:40',
      '2023-01-29 18:30:22 2023 -0800',
      '2020-05-27 15:20:30 +0530',
      'Jul 08 2022',
      'Jun 19 2024',
      '8 July 2022',
      '  2026-11-26  ',
    ]) {
      expect(warningFor(text), text).toBeUndefined();
    }
    // A day no calendar has keeps its own, sharper warning.
    expect(warningFor('2017-02-29 11:00:00')).toBe('not a valid calendar date');
    // An emptied date is no date, not a wrong one.
    expect(warningFor('')).toBeUndefined();
    // A text field the list takes its date from is checked too; any other text field is not.
    expect(warningFor('next tuesday', 'date', 'text')).toBe(UNSORTABLE_DATE_WARNING);
    expect(warningFor('someday', 'pubDate', 'text')).toBe(UNSORTABLE_DATE_WARNING);
    expect(warningFor('next tuesday', 'summary', 'text')).toBeUndefined();
    // `published: "false"` (Jekyll's flag, as text) is a flag, not a date gone wrong.
    for (const flag of ['false', 'True', 'yes', '0'])
      expect(warningFor(flag, 'published', 'text'), flag).toBeUndefined();
    // Setting the date back to what is on disk withdraws the warning with the edit.
    const wrong = setField(base, 'date', { kind: 'date', text: 'next tuesday' });
    const back = setField(wrong, 'date', { kind: 'date', text: '2016-05-26' });
    expect(back.fields.find((field) => field.key === 'date')?.warning).toBeUndefined();
    expect(back.edits).toEqual([]);
  });

  it('flags a date already in the file that the list cannot sort, from the start and after setting it back', () => {
    const base: FrontMatterInfo = {
      ...seedFrontMatter(),
      fields: [
        { key: 'date', kind: 'text', value: 'next tuesday' },
        { key: 'title', kind: 'text', value: 'someday' },
      ],
    };
    const draft = createDraft(base);
    expect(draft.fields.map((field) => field.warning)).toEqual([UNSORTABLE_DATE_WARNING, undefined]);
    const fixed = setField(draft, 'date', { kind: 'text', text: '2026-11-26' });
    expect(fixed.fields[0]?.warning).toBeUndefined();
    const back = setField(fixed, 'date', { kind: 'text', text: 'next tuesday' });
    expect(back.fields[0]?.warning).toBe(UNSORTABLE_DATE_WARNING);
    expect(back.edits).toEqual([]);
  });

  it('refuses duplicate, blank and padded keys', () => {
    const draft = createDraft(seedFrontMatter());
    expect(newKeyProblem(draft, 'title')).toMatch(/already/);
    expect(newKeyProblem(draft, '  ')).toMatch(/name/);
    expect(newKeyProblem(draft, ' x')).toMatch(/space/);
    expect(addField(draft, 'title', 'dup')).toBe(draft);
  });

  it('re-adding a removed key sends a set, not a remove', () => {
    let draft = removeField(createDraft(seedFrontMatter()), 'title');
    draft = addField(draft, 'title', 'Back');
    expect(draft.edits).toEqual([{ op: 'set', key: 'title', value: { kind: 'text', text: 'Back' } }]);
  });
});

describe('raw mode', () => {
  it('edits the whole block as text and sends it only when it differs', () => {
    let draft = setMode(createDraft(seedFrontMatter()), 'raw');
    expect(draft.mode).toBe('raw');
    expect(frontMatterChange(draft)).toEqual({ kind: 'none' });
    draft = editRaw(draft, 'title: "x"\nbad: [');
    expect(frontMatterChange(draft)).toEqual({ kind: 'raw', raw: 'title: "x"\nbad: [' });
  });

  it('will not switch while changes could not be carried across', () => {
    const edited = setField(createDraft(seedFrontMatter()), 'title', { kind: 'text', text: 'A' });
    expect(modeSwitchProblem(edited)).toMatch(/Save or undo/);
    expect(setMode(edited, 'raw')).toBe(edited);
    const raw = editRaw(setMode(createDraft(seedFrontMatter()), 'raw'), 'x: 1');
    expect(setMode(raw, 'fields')).toBe(raw);
    expect(raw.raw).toBe('x: 1');
  });

  it('undoes every field change at once, a removed field back in its place, and then switches', () => {
    const base = createDraft(seedFrontMatter());
    const edited = setField(removeField(base, 'date'), 'title', { kind: 'text', text: 'A' });
    expect(edited.fields.map((field) => field.key)).toEqual(['path', 'title', 'tags', 'draft']);
    const undone = undoFieldChanges(edited);
    expect(undone.fields).toEqual(base.fields);
    expect(undone.edits).toEqual([]);
    expect(frontMatterChange(undone)).toEqual({ kind: 'none' });
    // The form's inputs start again from the file's values.
    expect(undone.undone).toBe(1);
    expect(modeSwitchProblem(undone)).toBeNull();
    expect(setMode(undone, 'raw').mode).toBe('raw');
    // Nothing to undo: the same draft.
    expect(undoFieldChanges(base)).toBe(base);
  });

  it('lets the author fix an unreadable block as text', () => {
    const broken = {
      format: 'yaml' as const,
      raw: 'title: [',
      editable: false,
      fields: [],
      error: { message: 'bad', line: 1 },
    };
    const draft = editRaw(setMode(createDraft(broken), 'raw'), 'title: []');
    expect(frontMatterChange(draft)).toEqual({ kind: 'raw', raw: 'title: []' });
    expect(setMode(draft, 'fields')).toBe(draft);
  });
});

describe('rebasing after a save', () => {
  it('starts clean from the saved block when nothing changed meanwhile', () => {
    const sent = setField(createDraft(seedFrontMatter()), 'title', { kind: 'text', text: 'A' });
    const saved = { ...seedFrontMatter(), raw: 'title: "A"' };
    const next = rebaseDraft(sent, sent, saved);
    expect(next.edits).toEqual([]);
    expect(next.base).toBe(saved);
  });

  it('keeps edits made while the save was in flight', () => {
    const sent = setField(createDraft(seedFrontMatter()), 'title', { kind: 'text', text: 'A' });
    const later = setField(sent, 'path', { kind: 'text', text: '/later' });
    const next = rebaseDraft(later, sent, seedFrontMatter());
    expect(next.edits).toEqual([{ op: 'set', key: 'path', value: { kind: 'text', text: '/later' } }]);
  });

  it('keeps a field changed back while the save was in flight (its edit was withdrawn, not left undone)', () => {
    const original = seedFrontMatter();
    const sent = setField(createDraft(original), 'title', { kind: 'text', text: 'Focus is the Ultimate ProcessX' });
    const later = setField(sent, 'title', { kind: 'text', text: 'Focus is the Ultimate Process' });
    expect(later.edits).toEqual([]);
    const withTitle = (title: string): FrontMatterInfo => ({
      ...original,
      raw: `title: "${title}"`,
      fields: original.fields.map((field) => (field.key === 'title' ? { ...field, value: title } : field)),
    });
    const next = rebaseDraft(later, sent, withTitle('Focus is the Ultimate ProcessX'));
    expect(next.edits).toEqual([
      { op: 'set', key: 'title', value: { kind: 'text', text: 'Focus is the Ultimate Process' } },
    ]);
    expect(next.fields.find((field) => field.key === 'title')?.value).toBe('Focus is the Ultimate Process');
    // A field added, sent, then removed again: its removal is carried.
    const added = setField(createDraft(original), 'summary', { kind: 'text', text: 'x' });
    const removed = removeField(added, 'summary');
    expect(removed.edits).toEqual([]);
    const savedWith = {
      ...original,
      fields: [...original.fields, { key: 'summary', kind: 'text' as const, value: 'x' }],
    };
    expect(rebaseDraft(removed, added, savedWith).edits).toEqual([{ op: 'remove', key: 'summary' }]);
  });

  it('keeps raw text typed while the save was in flight', () => {
    const sent = editRaw(setMode(createDraft(seedFrontMatter()), 'raw'), 'a: 1');
    const later = editRaw(sent, 'a: 12');
    const next = rebaseDraft(later, sent, { ...seedFrontMatter(), raw: 'a: 1' });
    expect(next.mode).toBe('raw');
    expect(frontMatterChange(next)).toEqual({ kind: 'raw', raw: 'a: 12' });
  });
});

describe('fields changed on disk and in the form', () => {
  const base = seedFrontMatter();
  const disk = (changes: Record<string, string>): FrontMatterInfo => ({
    ...base,
    fields: base.fields.map((field) => (field.key in changes ? { ...field, value: changes[field.key] ?? '' } : field)),
  });

  it('names a field both changed, each to its own value, and nothing else', () => {
    const mine = setField(createDraft(base), 'title', { kind: 'text', text: 'Mine' });
    expect(fieldClashes(mine, disk({ title: 'Theirs', date: '2020-01-01' }))).toEqual([
      { key: 'title', disk: 'Theirs', mine: 'Mine' },
    ]);
    // Their other change is not mine to overwrite; the same change is no clash; an untouched file neither.
    expect(fieldClashes(mine, disk({ title: 'Mine' }))).toEqual([]);
    expect(fieldClashes(mine, base)).toEqual([]);
    expect(fieldClashes(removeField(createDraft(base), 'title'), disk({ title: 'Theirs' }))).toEqual([
      { key: 'title', disk: 'Theirs', mine: '(removed)' },
    ]);
  });

  it('names the block when both changed it as text', () => {
    const raw = editRaw(setMode(createDraft(base), 'raw'), 'title: "Mine"\n');
    expect(fieldClashes(raw, { ...base, raw: 'title: "Theirs"\n' })).toEqual([
      { key: '', disk: 'title: "Theirs"\n', mine: 'title: "Mine"\n' },
    ]);
    expect(fieldClashes(raw, base)).toEqual([]);
  });
});
