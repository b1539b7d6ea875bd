import { describe, expect, it } from 'vitest';
import { fileNameProblem, plainFileNameError, withPostExtension } from './fileName';

describe('withPostExtension', () => {
  it('keeps the post’s own extension when the writer leaves it out', () => {
    expect(withPostExtension('my new name', 'old.md')).toBe('my new name.md');
    expect(withPostExtension('my new name', 'old.markdown')).toBe('my new name.markdown');
    expect(withPostExtension('my new name', 'OLD.MD')).toBe('my new name.MD');
  });

  it('leaves a name that has a Markdown extension alone', () => {
    expect(withPostExtension('new.md', 'old.markdown')).toBe('new.md');
    expect(withPostExtension('new.Markdown', 'old.md')).toBe('new.Markdown');
  });
});

describe('plainFileNameError', () => {
  it('turns the validator’s text into a sentence about the file name', () => {
    const error = plainFileNameError({
      code: 'INVALID_ARGUMENT',
      message: 'renamePost: argument 1.newId: a post must end in .md or .markdown',
    });
    expect(error).toEqual({ code: 'INVALID_ARGUMENT', message: 'A post’s file name must end in .md or .markdown.' });
    expect(
      plainFileNameError({
        code: 'INVALID_ARGUMENT',
        message: 'renamePost: argument 1.newId: the post id contains control characters',
      }).message,
    ).toBe('The file name contains control characters.');
  });

  it('says a plain sentence for a refusal that is about the request, not the name', () => {
    const { message } = plainFileNameError({
      code: 'INVALID_ARGUMENT',
      message: 'renamePost: argument 1.newId must be a string',
    });
    expect(message).not.toMatch(/renamePost|argument/);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('keeps every other error as it is', () => {
    const conflict = {
      code: 'CONFLICT' as const,
      message: 'Another file already has this name.',
      hint: 'Pick another.',
    };
    expect(plainFileNameError(conflict)).toBe(conflict);
  });
});

describe('fileNameProblem', () => {
  it('is null for a good name and a sentence otherwise', () => {
    expect(fileNameProblem('my new name.md')).toBeNull();
    expect(fileNameProblem('a:b.md')).toMatch(/^The file name contains a character that is not allowed/);
    expect(fileNameProblem('con.md')).toBe('"con.md" is a reserved name on Windows.');
  });
});

describe('fileNameProblem, of names the disk or the list would not take', () => {
  it('refuses a hidden name, which would make the post disappear from the list', () => {
    expect(fileNameProblem('.draft.md')).toMatch(/hidden/);
    expect(fileNameProblem('draft.md')).toBeNull();
  });

  it('refuses a name over the 255 bytes a file name holds, counting the bytes of each letter', () => {
    // 100 characters, but 300 bytes in UTF-8.
    expect(fileNameProblem(`${'日本'.repeat(49)}.md`)).toMatch(/too long/);
    expect(fileNameProblem(`${'日本'.repeat(40)}.md`)).toBeNull();
  });
});

describe('a name pasted from a Mac’s Finder', () => {
  it('is taken in the composed form every post id has, never refused as "not NFC-normalised"', () => {
    const typed = withPostExtension('cafe\u0301 notes', 'old.md');
    expect(typed).toBe('café notes.md'.normalize('NFC'));
    expect(fileNameProblem(typed)).toBeNull();
    expect(withPostExtension('re\u0301sume\u0301.md', 'old.md')).toBe('résumé.md'.normalize('NFC'));
  });
});
