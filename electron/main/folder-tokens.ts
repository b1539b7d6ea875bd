/**
 * Export folders chosen in the system picker, handed to the page as opaque tokens: the page can
 * name a folder the author chose, never type one. A token belongs to the window that asked for it
 * and lives as long as that window; anything else in its place is refused.
 */
import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../shared/api/contract';
import type { ChosenFolder } from '../../shared/api/desktop';

/** How every token starts, so a typed path is told apart from a token that is not (or no longer) valid. */
export const FOLDER_TOKEN_PREFIX = 'chosen-folder:';

/** Choices one window keeps; the oldest is dropped beyond this. */
export const MAX_TOKENS_PER_WINDOW = 16;

const CHOOSE_AGAIN = 'Click “Choose folder…” and pick the folder again.';

/** Issues and resolves the tokens of every window. */
export interface FolderTokens {
  /** A new token for `folder`, good for window `owner` only. */
  issue(owner: number, folder: string): ChosenFolder;
  /** The folder behind `token`, if window `owner` was given it. */
  resolve(owner: number, token: unknown): Result<string>;
  /** Drops every token of a window (it closed). */
  forget(owner: number): void;
}

/** `random` makes the unguessable part of each token (tests pass their own). */
export function createFolderTokens(random: () => string = () => randomBytes(24).toString('base64url')): FolderTokens {
  const byOwner = new Map<number, Map<string, string>>();
  return {
    issue(owner, folder) {
      const tokens = byOwner.get(owner) ?? new Map<string, string>();
      byOwner.set(owner, tokens);
      const token = `${FOLDER_TOKEN_PREFIX}${random()}`;
      tokens.set(token, folder);
      for (const oldest of tokens.keys()) {
        if (tokens.size <= MAX_TOKENS_PER_WINDOW) break;
        tokens.delete(oldest);
      }
      return { token, label: folder };
    },
    resolve(owner, token) {
      if (typeof token !== 'string' || !token.startsWith(FOLDER_TOKEN_PREFIX)) {
        return fail(
          'INVALID_ARGUMENT',
          'In the desktop app the site is exported only into a folder chosen with “Choose folder…”; a typed path is refused.',
          CHOOSE_AGAIN,
        );
      }
      const folder = byOwner.get(owner)?.get(token);
      if (folder === undefined) {
        return fail(
          'INVALID_ARGUMENT',
          'That export folder was not chosen in this window, or the choice has expired.',
          CHOOSE_AGAIN,
        );
      }
      return ok(folder);
    },
    forget(owner) {
      byOwner.delete(owner);
    },
  };
}
