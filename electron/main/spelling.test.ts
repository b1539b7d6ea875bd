import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, MAX_SUGGESTIONS, spellcheckLanguages, type ContextMenuParams } from './spelling';

/** Chromium's Hunspell dictionaries on Windows and Linux (a subset, in its order). */
const AVAILABLE = [
  'af',
  'de',
  'de-DE',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-US',
  'es',
  'es-419',
  'fr',
  'fr-FR',
  'pt-BR',
  'pt-PT',
];

describe('spellcheckLanguages', () => {
  it('keeps the system languages that have dictionaries, in the system order', () => {
    expect(spellcheckLanguages(['fr-FR', 'en-GB'], AVAILABLE)).toEqual(['fr-FR', 'en-GB']);
  });

  it('falls back to the bare language, then to a regional dictionary of it', () => {
    expect(spellcheckLanguages(['de-AT'], AVAILABLE)).toEqual(['de']);
    expect(spellcheckLanguages(['pt'], AVAILABLE)).toEqual(['pt-BR']);
    expect(spellcheckLanguages(['en'], AVAILABLE)).toEqual(['en-AU']);
  });

  it('reads underscores and any case, and names each dictionary once', () => {
    expect(spellcheckLanguages(['EN_us', 'en-US', 'fr-CA', 'fr-BE'], AVAILABLE)).toEqual(['en-US', 'fr']);
  });

  it('leaves out languages without a dictionary, and gives nothing when none has one', () => {
    expect(spellcheckLanguages(['ja-JP', 'es-MX'], AVAILABLE)).toEqual(['es']);
    expect(spellcheckLanguages(['zh-Hans-CN', 'ja'], AVAILABLE)).toEqual([]);
    expect(spellcheckLanguages([], AVAILABLE)).toEqual([]);
  });
});

const FLAGS = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

function params(overrides: Partial<ContextMenuParams> = {}): ContextMenuParams {
  return {
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: FLAGS,
    ...overrides,
  };
}

function build(overrides: Partial<ContextMenuParams> = {}) {
  const replaced: string[] = [];
  const added: string[] = [];
  const template = contextMenuTemplate(params(overrides), {
    replaceMisspelling: (word) => replaced.push(word),
    addToDictionary: (word) => added.push(word),
  });
  return { template, replaced, added };
}

const names = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role ?? item.type);

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('contextMenuTemplate', () => {
  it('offers suggestions for a misspelled word, replacing it, and adds words to the dictionary', () => {
    const built = build({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'ten', 'tech'] });
    expect(names(built.template)).toEqual([
      'the',
      'ten',
      'tech',
      'separator',
      'Add to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    click(built.template[1]);
    click(built.template.find((item) => item.label === 'Add to Dictionary'));
    expect(built.replaced).toEqual(['ten']);
    expect(built.added).toEqual(['teh']);
  });

  it(`offers at most ${MAX_SUGGESTIONS} suggestions, and says when there are none`, () => {
    const many = build({ misspelledWord: 'x', dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    expect(names(many.template).slice(0, MAX_SUGGESTIONS + 1)).toEqual(['a', 'b', 'c', 'd', 'e', 'separator']);
    const none = build({ misspelledWord: 'qzxv' }).template[0];
    expect(none).toMatchObject({ label: 'No Spelling Suggestions', enabled: false });
  });

  it('gives the editing items only, enabled as the page says, when the word is spelled right', () => {
    const { template } = build({ editFlags: { ...FLAGS, canCut: false, canCopy: false } });
    expect(names(template)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(template.map((item) => item.enabled)).toEqual([false, false, true, undefined, true]);
  });

  it('offers Copy for selected text outside the editor, and nothing without a selection', () => {
    expect(names(build({ isEditable: false, selectionText: 'Some words' }).template)).toEqual([
      'copy',
      'separator',
      'selectAll',
    ]);
    expect(build({ isEditable: false, selectionText: ' \n' }).template).toEqual([]);
    // A misspelling reported outside an editable field is not offered for replacement.
    expect(names(build({ isEditable: false, misspelledWord: 'teh', selectionText: 'teh' }).template)).toEqual([
      'copy',
      'separator',
      'selectAll',
    ]);
  });
});
