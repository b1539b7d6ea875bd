/**
 * Spellcheck in the system's languages, and the editor's context menu: spelling suggestions,
 * "Add to Dictionary", then Cut, Copy, Paste and Select All. Decisions only; the app hands them
 * Electron's session and web contents.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** Most suggestions offered for one misspelled word. */
export const MAX_SUGGESTIONS = 5;

function canonical(tag: string): string {
  return tag.replace(/_/g, '-').toLowerCase();
}

/** The dictionary that serves one system language: the exact one, the bare language, or a regional one. */
function dictionaryFor(tag: string, available: readonly string[]): string | undefined {
  const wanted = canonical(tag);
  const language = wanted.split('-')[0] ?? wanted;
  return (
    available.find((code) => canonical(code) === wanted) ??
    available.find((code) => canonical(code) === language) ??
    available.find((code) => canonical(code).startsWith(`${language}-`))
  );
}

/**
 * The spellchecker's languages: each of the system's preferred languages that has a dictionary,
 * in the system's order, each once. Empty when none has one (Electron's default then stays).
 */
export function spellcheckLanguages(preferred: readonly string[], available: readonly string[]): string[] {
  const chosen: string[] = [];
  for (const tag of preferred) {
    const code = dictionaryFor(tag, available);
    if (code !== undefined && !chosen.includes(code)) chosen.push(code);
  }
  return chosen;
}

/** The parts of Electron's `context-menu` parameters the menu is built from. */
export interface ContextMenuParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/** What the spelling items do (the web contents' `replaceMisspelling`, the session's dictionary). */
export interface SpellingActions {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
}

function spellingItems(params: ContextMenuParams, actions: SpellingActions): MenuItemConstructorOptions[] {
  const word = params.misspelledWord;
  if (!params.isEditable || word === '') return [];
  const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
  const replace: MenuItemConstructorOptions[] =
    suggestions.length === 0
      ? [{ label: 'No Spelling Suggestions', enabled: false }]
      : suggestions.map((suggestion) => ({
          label: suggestion,
          click: () => actions.replaceMisspelling(suggestion),
        }));
  return [
    ...replace,
    { type: 'separator' },
    { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) },
    { type: 'separator' },
  ];
}

/** The context menu for a right click; empty when there is nothing to offer (no menu is shown). */
export function contextMenuTemplate(params: ContextMenuParams, actions: SpellingActions): MenuItemConstructorOptions[] {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      ...spellingItems(params, actions),
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  // Text selected in the preview or the list: copying it is all that makes sense there.
  if (params.selectionText.trim() === '') return [];
  return [{ role: 'copy', enabled: flags.canCopy }, { type: 'separator' }, { role: 'selectAll' }];
}
