/**
 * A test helper: the hostile-post suite in e2e/fixtures/hostile, and the tripwires every test
 * of it checks: the sentinel files a post's code would write, the global it would set, and the
 * object prototypes it would pollute.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of hostile posts (and the images they reference). */
export const HOSTILE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/hostile');

/** Every hostile post's file name, sorted. */
export const HOSTILE_POSTS: readonly string[] = existsSync(HOSTILE_DIR)
  ? readdirSync(HOSTILE_DIR)
      .filter((name) => name.endsWith('.md'))
      .sort()
  : [];

/** A hostile post's bytes. */
export function readHostile(name: string): Promise<Buffer> {
  return readFile(path.join(HOSTILE_DIR, name));
}

/** What the sentinel files written by a post's code start with. */
export const SENTINEL_PREFIX = 'postwright-pwned';

// Posts write their sentinel into the system's temporary folder; some name /tmp literally.
const SENTINEL_FOLDERS = [...new Set([os.tmpdir(), '/tmp'])];

/** The sentinel files present now. */
export async function sentinels(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of SENTINEL_FOLDERS) {
    const names = await readdir(folder).catch(() => [] as string[]);
    found.push(...names.filter((name) => name.startsWith(SENTINEL_PREFIX)).map((name) => path.join(folder, name)));
  }
  return found;
}

/** Removes sentinels left by an earlier run, so a test sees only what its own run did. */
export async function clearSentinels(): Promise<void> {
  for (const file of await sentinels()) await rm(file, { force: true });
}

/** Keys a hostile post tries to put on prototypes. */
const POLLUTION_KEYS = ['polluted', 'isAdmin'];

/** How the process was harmed: a global set, a prototype polluted. Empty when unharmed. */
export function tripwires(): string[] {
  const problems: string[] = [];
  if ('__pwned' in globalThis)
    problems.push(`globalThis.__pwned = ${String((globalThis as { __pwned?: unknown }).__pwned)}`);
  const prototypes: [string, object][] = [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['String.prototype', String.prototype],
  ];
  for (const [name, proto] of prototypes) {
    for (const key of POLLUTION_KEYS) if (key in proto) problems.push(`${name}.${key} is set`);
    const enumerable = Object.keys(proto);
    if (enumerable.length > 0) problems.push(`${name} has enumerable keys: ${enumerable.join(', ')}`);
  }
  const probe: Record<string, unknown> = {};
  for (const key of POLLUTION_KEYS)
    if (probe[key] !== undefined) problems.push(`({}).${key} is ${JSON.stringify(probe[key])}`);
  if (typeof probe.toString !== 'function' || typeof probe.hasOwnProperty !== 'function') {
    problems.push('Object.prototype methods were replaced');
  }
  return problems;
}

/** Every Markdown file below `dir`, sorted, or none when it does not exist (the corpus may be absent). */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? markdownFiles(full) : /\.(md|markdown)$/i.test(name) ? [full] : [];
    });
}

/** What the files planted outside the posts folder hold: found in any output, it leaked. */
export const OUTSIDE_SECRET = 'OUTSIDE-THE-POSTS-FOLDER-SECRET';

/**
 * A secret beside the posts folder and links inside it that lead there, for the hostile posts
 * that climb out: `images/escape.png` (a file link) and `linked/` (a folder link). The posts
 * folder must already hold an `images` folder.
 */
export async function plantOutside(postsDir: string): Promise<void> {
  const outside = `${postsDir}-outside`;
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'secret.png'), OUTSIDE_SECRET);
  await writeFile(path.join(path.dirname(postsDir), 'outside-secret.png'), OUTSIDE_SECRET);
  await symlink(path.join(outside, 'secret.png'), path.join(postsDir, 'images', 'escape.png'));
  await symlink(outside, path.join(postsDir, 'linked'));
}
