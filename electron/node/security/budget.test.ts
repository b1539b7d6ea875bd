/**
 * The Markdown budget (shared/markdown/limits.ts) against real files: no post a writer wrote
 * trips it (the corpus, the sample posts, the end-to-end fixtures), and the hostile posts that
 * exist to trip it do, and come back as text under the note.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budgetParts, overBudget } from '../../../shared/markdown/limits';
import { renderMarkdown, TOO_COMPLEX_NOTE } from '../../../shared/markdown/render';
import { decodePost, parsePost } from '../frontmatter/index';
import { HOSTILE_DIR, HOSTILE_POSTS, markdownFiles } from './hostile';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');

const corpusPosts = [...markdownFiles(path.join(corpus, 'real-posts')), ...markdownFiles(path.join(corpus, 'seed'))];
if (corpusPosts.length === 0) console.warn(`Skipping the corpus budget tests: no corpus at ${corpus}.`);
const fixtureDirs = readdirSync(path.join(repoRoot, 'e2e/fixtures')).filter((name) => !name.startsWith('hostile'));
const writerPosts = [
  ...corpusPosts,
  ...markdownFiles(path.join(repoRoot, 'posts')),
  ...fixtureDirs.flatMap((name) => markdownFiles(path.join(repoRoot, 'e2e/fixtures', name))),
];

function bodyOf(file: string): string {
  return parsePost(decodePost(readFileSync(file)).text).body;
}

/** The hostile posts made to trip the budget, by number. */
const OVER_BUDGET = new Set(['63', '64', '65', '66', '79', '80', '81', '82', '83']);
/** Those over budget only as a whole: cut into parts, every part renders as Markdown. */
const CUT_INTO_PARTS = new Set(['81']);

describe('the Markdown budget never trips on what writers write', () => {
  it('sees the corpus (when present), the samples and the fixtures', () => {
    expect(writerPosts.length).toBeGreaterThanOrEqual(corpusPosts.length > 0 ? 80 : 3);
  });

  it.each(writerPosts.map((file) => [path.relative(path.dirname(repoRoot), file), file]))('%s', (_name, file) => {
    expect(overBudget(bodyOf(file))).toBeNull();
  });

  it.each(HOSTILE_POSTS.filter((name) => !OVER_BUDGET.has(name.slice(0, 2))))(
    'hostile %s renders as Markdown',
    (name) => {
      expect(overBudget(bodyOf(path.join(HOSTILE_DIR, name)))).toBeNull();
    },
  );
});

describe.skipIf(HOSTILE_POSTS.length === 0)('the hostile posts made to trip it', () => {
  const tripping = HOSTILE_POSTS.filter((name) => OVER_BUDGET.has(name.slice(0, 2)));

  it.each(tripping.filter((name) => !CUT_INTO_PARTS.has(name.slice(0, 2))))('%s is shown as text', (name) => {
    const body = bodyOf(path.join(HOSTILE_DIR, name));
    expect(overBudget(body)).not.toBeNull();
    const { html } = renderMarkdown(body);
    expect(html).toContain(TOO_COMPLEX_NOTE);
    expect(html).toContain(`Hostile post ${name.slice(0, 2)} begins.`);
  });

  it.each(tripping.filter((name) => CUT_INTO_PARTS.has(name.slice(0, 2))))('%s is cut into parts', (name) => {
    const body = bodyOf(path.join(HOSTILE_DIR, name));
    expect(overBudget(body)).not.toBeNull();
    expect((budgetParts(body) ?? []).filter((part) => part.tooComplex !== null)).toEqual([]);
    const { html } = renderMarkdown(body);
    expect(html).not.toContain(TOO_COMPLEX_NOTE);
    expect(html).toContain(`<p>Hostile post ${name.slice(0, 2)} begins.</p>`);
  });
});
