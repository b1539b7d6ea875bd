/**
 * The child process of the crash test (bundled by save-crash.test.ts, never shipped): saves a
 * large post through the real store in an endless loop, alternating two bodies, until killed.
 *
 *   node crash-child.cjs <posts folder> <post id> <body A file> <body B file>
 */
import { readFileSync } from 'node:fs';
import { createPostStore } from './store';

/** Saves forever; prints "saving <ms per save>" once a save has landed, exits 3 on a failed save. */
export async function saveForever(argv: string[]): Promise<void> {
  const [postsDir, id, aFile, bFile] = argv;
  if (postsDir === undefined || id === undefined || aFile === undefined || bFile === undefined) {
    throw new Error('usage: crash-child <posts folder> <post id> <body A file> <body B file>');
  }
  const bodies = [readFileSync(bFile, 'utf8'), readFileSync(aFile, 'utf8')];
  const store = await createPostStore({ postsDir, now: () => new Date() });
  for (let round = 0; ; round++) {
    const started = performance.now();
    const body = bodies[round % 2] ?? '';
    // Forced, so each round is one save (read, compare, write) with no separate read around it.
    const saved = await store.save({ id, baseVersion: '', body, frontMatter: { kind: 'none' }, force: true });
    if (!saved.ok) fatal(saved.error.message);
    if (round === 0) process.stdout.write(`saving ${Math.ceil(performance.now() - started)}\n`);
  }
}

function fatal(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(3);
}

if (process.argv[1]?.includes('crash-child') === true) {
  saveForever(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(4);
  });
}
