/**
 * The app's own settings (the last opened folder), as JSON in the userData folder. A corrupt or
 * missing file means "no settings", never a crash; writes are atomic.
 */
import path from 'node:path';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../shared/api/contract';

/** Largest settings file read; anything bigger is not ours. */
const MAX_SETTINGS_BYTES = 64 * 1024;

/** Reads and writes the settings file. */
export interface Settings {
  /** The folder opened last, or null when unknown. */
  lastFolder(): Promise<string | null>;
  /** Remembers the folder opened last. */
  setLastFolder(folder: string): Promise<Result<null>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readSettings(file: string): Promise<Record<string, unknown>> {
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > MAX_SETTINGS_BYTES) return {};
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Settings kept in `file`; unknown keys written by other versions are preserved. */
export function createSettings({ file }: { file: string }): Settings {
  return {
    async lastFolder() {
      const value = (await readSettings(file)).lastFolder;
      return typeof value === 'string' && path.isAbsolute(value) ? value : null;
    },
    async setLastFolder(folder) {
      const settings = { ...(await readSettings(file)), lastFolder: folder };
      try {
        await writeAtomically(file, `${JSON.stringify(settings, null, 2)}\n`);
        return ok(null);
      } catch (error) {
        return fail('IO', `Settings could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** The folder to open at start: the last one if it still exists, else the default (first run). */
export async function chooseStartFolder(options: {
  lastFolder: string | null;
  defaultFolder: string;
  exists: (folder: string) => boolean | Promise<boolean>;
}): Promise<string> {
  const { lastFolder, defaultFolder, exists } = options;
  if (lastFolder !== null && (await exists(lastFolder))) return lastFolder;
  return defaultFolder;
}
