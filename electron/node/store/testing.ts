/** Helpers for the store's tests: real temporary folders and a fixed clock. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { Result } from '../../../shared/api/contract';

/** A fixed local time: 17 May 2024, 09:30:05. */
export const FIXED_NOW = (): Date => new Date(2024, 4, 17, 9, 30, 5);

/** Whether the tests run as root, where permission bits do not stop writes. */
export const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** Creates a fresh temporary folder; `remove` deletes it and everything in it. */
export async function makeTempFolder(
  prefix = 'postwright-store-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh temporary folder for each test of the calling file, removed after it; read `dir` inside a test. */
export function tempFolderPerTest(prefix?: string): { readonly dir: string } {
  let current: { dir: string; remove: () => Promise<void> } | null = null;
  beforeEach(async () => {
    current = await makeTempFolder(prefix);
  });
  afterEach(async () => {
    await current?.remove();
    current = null;
  });
  return {
    get dir(): string {
      if (current === null) throw new Error('tempFolderPerTest: the folder exists only inside a test');
      return current.dir;
    },
  };
}

/** The value of a result a test expects to succeed; a failure throws with its code and message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Writes `files` (relative `/`-separated path → content) below `root`, creating folders. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** Every file below `root`, `/`-separated, sorted (hidden ones included). */
export async function allFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Where the shared corpus lives (`../shared/corpus` beside the repository); it may be absent. */
export function corpusFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
}

/** A post in the author's own style: TAB-separated, double-quoted path, date and title. */
export function seedPost(slug: string, date: string, title: string, body = '\nSome words.\n'): string {
  return `---\npath:\t"/blog/${slug}"\ndate:\t"${date}"\ntitle:\t"${title}"\n---\n${body}`;
}

/** A post's summary as the list gives it (shared with the renderer's tests). */
export { summaryFor } from '../../../shared/api/testing';
