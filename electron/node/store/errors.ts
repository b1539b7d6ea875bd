/**
 * Turning file-system errors into failures the author can act on. Only errors that carry an
 * errno code are expected; anything else is a bug and is re-thrown.
 */
import { fail, type Result } from '../../../shared/api/contract';

/** The errno code of a Node file-system error, or undefined when it is not one. */
export function errnoCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Maps a file-system error raised while trying to `action` ("save this post") to a failure. */
export function ioFailure<T = never>(error: unknown, action: string): Result<T> {
  const code = errnoCode(error);
  if (code === undefined) throw error instanceof Error ? error : new Error('A non-error was thrown', { cause: error });
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return fail(
        'PERMISSION',
        `Postwright is not allowed to ${action}.`,
        'Check the permissions of the file and of its folder.',
      );
    case 'EROFS':
      return fail(
        'READ_ONLY',
        `Could not ${action}: the disk is read-only.`,
        'Copy the post to a writable folder to edit it.',
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return fail(
        'NO_SPACE',
        'The disk is full. Your text is still in the editor; free some space and save again.',
        'Empty the trash or move large files elsewhere, then save again.',
      );
    case 'EISDIR':
      return fail('NOT_A_FILE', `Could not ${action}: it is a folder, not a file.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return fail(
        'NOT_FOUND',
        `Could not ${action}: the file is not there.`,
        'It may have been moved, renamed or deleted outside Postwright; refresh the list.',
      );
    case 'EEXIST':
      return fail('EXISTS', `Could not ${action}: a file of that name already exists.`);
    case 'ELOOP':
      return fail('NOT_A_FILE', `Could not ${action}: it is a symbolic link.`, 'Postwright only edits regular files.');
    default:
      return fail('IO', `Could not ${action} (${code}).`, 'Try again; if it keeps failing, check the disk.');
  }
}

/** The failure for a file above the size limit, stating the limit. */
export function tooLarge<T = never>(size: number, limit: number): Result<T> {
  return fail(
    'TOO_LARGE',
    `This file is ${formatBytes(size)}; Postwright opens files up to ${formatBytes(limit)}.`,
    'Split the post, or edit it in another editor.',
  );
}

/** The failure for a path that is not a regular file (a FIFO, a device, a folder named x.md). */
export function notAFile<T = never>(what: string): Result<T> {
  return fail('NOT_A_FILE', `${what} is not a regular file.`, 'Postwright only edits regular files.');
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? String(mib) : mib.toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
