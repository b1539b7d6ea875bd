/**
 * A post's new file name as the writer types it: the extension kept when they leave it out, and a
 * refusal told as a plain sentence, never as the API validator's text ("renamePost: argument
 * 1.newId: …", which names a method and an argument the writer never sees).
 */
import type { ApiError } from '../../shared/api/contract';
import { idProblem, isMarkdownName, overNameBytes } from '../../shared/api/ids';

/**
 * The name the writer typed, with the extension of `current` (".md" or ".markdown") when it has none
 * of its own; composed (NFC) as every post id is, since a name pasted from a Mac's Finder comes decomposed.
 */
export function withPostExtension(typed: string, current: string): string {
  const name = typed.normalize('NFC');
  if (isMarkdownName(name)) return name;
  const ext = /\.(md|markdown)$/i.exec(current)?.[0] ?? '.md';
  return `${name}${ext}`;
}

/** What the validator puts before its reason: the method, then the argument ("renamePost: argument 1.newId: "). */
const VALIDATOR_PREFIX = /^[A-Za-z]+: (?:argument \d+(?:\.[A-Za-z]+|\[\d+\])*|arguments)\b:?\s*/;

/** A validator's reason about a post id, said of a file name, as a sentence. */
function fileNameSentence(reason: string): string {
  const said = reason
    .replace(/\ba path segment of the post id\b/gi, 'the file name')
    .replace(/\ba path segment\b/gi, 'the file name')
    .replace(/\bthe post id\b/gi, 'the file name')
    .replace(/\ba post id\b/gi, 'a file name')
    .replace(/^a post must end in/i, 'A post’s file name must end in')
    .trim();
  const sentence = said.charAt(0).toUpperCase() + said.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Why `fileName` cannot name a post, as a sentence for the writer, or null when it can. */
export function fileNameProblem(fileName: string): string | null {
  const problem = idProblem(fileName);
  if (problem !== null) return fileNameSentence(problem);
  // The list skips hidden files: the post would seem lost (the backend refuses it too).
  if (fileName.startsWith('.')) {
    return 'A file name that starts with a dot is hidden: the post would disappear from the list.';
  }
  // ext4 and APFS count bytes: 100 Japanese characters are 300 of the 255 a name holds.
  if (overNameBytes(fileName)) {
    return 'This file name is too long: a file name holds at most 255 bytes (a letter outside English takes two to four).';
  }
  return null;
}

/**
 * The error as the writer should read it: a validator's refusal becomes a plain sentence about the
 * file name (or `fallback` when its reason is not one to show); any other error is kept.
 */
export function plainFileNameError(
  error: ApiError,
  fallback = 'That file name cannot be used. Try letters, digits and dashes, ending in .md.',
): ApiError {
  const prefix = VALIDATOR_PREFIX.exec(error.message);
  if (prefix === null) return error;
  const reason = error.message.slice(prefix[0].length);
  // "argument 1.newId must be a string" is about the request, not the name: nothing for the writer to fix there.
  const aboutTheName = prefix[0].trimEnd().endsWith(':') && reason !== '';
  return { ...error, message: aboutTheName ? fileNameSentence(reason) : fallback };
}
