/**
 * Saves survive a crash: a child process saves a 1 MB post through the real store in a loop and
 * is killed with SIGKILL at random moments, many times. After every kill the post on disk is
 * complete, byte-equal to one of the two versions, and never a mix or a truncation.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostStore } from './store';
import { FIXED_NOW, makeTempFolder } from './testing';

const KILLS = 40;
// Children run side by side so 40 process starts fit in a few seconds on two cores.
const LANES = 4;
const HEADER = '---\ntitle:\t"A very long post"\ndate:\t"2024-05-17"\n---\n';

let folder: { dir: string; remove: () => Promise<void> };
let child: string;

/** About 1 MB of Markdown; the two versions differ all the way through. */
function bigBody(tag: string): string {
  return Array.from({ length: 14_000 }, (_, i) => `Paragraph ${i} of version ${tag}: words, words, words.\n`).join('');
}
const BODY_A = bigBody('A');
const BODY_B = bigBody('B');

beforeAll(async () => {
  folder = await makeTempFolder('postwright-crash-');
  child = path.join(folder.dir, 'crash-child.cjs');
  await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
  });
  for (let lane = 0; lane < LANES; lane++) {
    await mkdir(postsOf(lane), { recursive: true });
    await writeFile(path.join(postsOf(lane), 'big.md'), HEADER + BODY_A);
  }
  await writeFile(path.join(folder.dir, 'a.txt'), BODY_A);
  await writeFile(path.join(folder.dir, 'b.txt'), BODY_B);
});
afterAll(async () => {
  await folder.remove();
});

const postsOf = (lane: number) => path.join(folder.dir, `lane-${lane}`);

/** Starts the child, waits until its first save landed, kills it after `delayMs`, waits for the exit. */
async function saveAndKill(posts: string): Promise<void> {
  const proc = spawn(
    process.execPath,
    [child, posts, 'big.md', path.join(folder.dir, 'a.txt'), path.join(folder.dir, 'b.txt')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const roundMs = await new Promise<number | null>((resolve) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      const match = /saving (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => resolve(null));
  });
  if (roundMs === null) throw new Error(`the child stopped before saving: ${stderr}`);
  // The random moment of the crash, anywhere in the next two saves, is the point of this test.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * roundMs));
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('a save killed at a random moment', () => {
  it(`leaves the old or the new post, complete, every time (${KILLS} kills)`, { timeout: 120_000 }, async () => {
    const versions = new Set([HEADER + BODY_A, HEADER + BODY_B]);
    let leftovers = 0;
    const lane = async (index: number): Promise<void> => {
      const posts = postsOf(index);
      for (let kill = 0; kill < KILLS / LANES; kill++) {
        await saveAndKill(posts);
        const text = await readFile(path.join(posts, 'big.md'), 'utf8');
        expect(versions.has(text), `kill ${kill} of lane ${index} left ${text.length} characters`).toBe(true);
        if ((await readdir(posts)).length > 1) leftovers++;
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, index) => lane(index)));
    console.log(`${KILLS} kills; ${leftovers} of them left a half-written temporary file behind`);
    const posts = postsOf(0);
    const store = await createPostStore({ postsDir: posts, now: FIXED_NOW });
    const listed = await store.list();
    expect(listed.ok && listed.value.map((post) => post.id)).toEqual(['big.md']);
    const doc = await store.read('big.md');
    if (!doc.ok) throw new Error(doc.error.message);
    const body = doc.value.body === BODY_A ? BODY_B : BODY_A;
    const saved = await store.save({
      id: 'big.md',
      baseVersion: doc.value.version,
      body,
      frontMatter: { kind: 'none' },
    });
    expect(saved.ok).toBe(true);
    expect(await readdir(posts)).toEqual(['big.md']);
  });
});
