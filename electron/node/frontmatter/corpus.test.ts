// The corpus proves the codec on real posts: every file under ../shared/corpus (78 real posts
// from ten blog engines, plus the author's own) is copied to a temporary folder, read from disk,
// edited, written back and compared byte for byte.
//
// Time zones: the codec never creates a Date object (dates are matched and sorted as text; see
// dates.ts), and the date assertions below are run three times with process.env.TZ switched to
// UTC, America/Los_Angeles and Asia/Tokyo at run time (Node applies a new TZ immediately; the test
// checks that the offset really changed before trusting the run).
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldEdit, FrontMatterChange } from '../../../shared/api/contract';
import { asValue, corpusFiles, editableTextField, lineDiff } from './corpus-fixture';
import { applySave, decodePost, encodePost, parsePost, summarizePost } from './index';
import { grayMatterContent } from './gray-matter-reference';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
const present = existsSync(join(corpus, 'real-posts')) && existsSync(join(corpus, 'seed'));
if (!present) console.log(`Skipping the front-matter corpus tests: no corpus at ${corpus}.`);

const files = present ? corpusFiles(corpus) : [];
let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'postwright-frontmatter-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Loaded {
  text: string;
  bytes: Uint8Array;
  disk: string;
  decoded: ReturnType<typeof decodePost>;
}

async function load(file: string): Promise<Loaded> {
  const disk = join(work, relative(corpus, file).replace(/[\\/]/g, '__'));
  await copyFile(file, disk);
  const bytes = new Uint8Array(await readFile(disk));
  const decoded = decodePost(bytes);
  return { text: decoded.text, bytes, disk, decoded };
}

async function saveAndReread(loaded: Loaded, text: string): Promise<Uint8Array> {
  await writeFile(loaded.disk, encodePost(text, loaded.decoded.encoding));
  return new Uint8Array(await readFile(loaded.disk));
}

const NEW_TITLE = 'He said "hi": ok';

describe.skipIf(!present)('front-matter codec over the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(79);
  });

  it.each(files)('%s: an unchanged save gives back the same bytes', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    const saved = applySave(loaded.text, { kind: 'none' }, post.body);
    expect(saved.ok && saved.value === loaded.text).toBe(true);
    if (!saved.ok) return;
    expect(Buffer.from(await saveAndReread(loaded, saved.value)).equals(Buffer.from(loaded.bytes))).toBe(true);
    // Raw mode with the same text is no change either.
    const raw = applySave(loaded.text, { kind: 'raw', raw: post.frontMatter.raw }, post.body);
    expect(raw.ok && raw.value === loaded.text).toBe(true);
  });

  it.each(files)('%s: a body edit keeps every byte before the body', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    const eol = post.lineEnding === 'crlf' ? '\r\n' : '\n';
    const bodyOnDisk = post.body.replace(/\n/g, eol);
    expect(loaded.text.endsWith(bodyOnDisk)).toBe(true);
    const prefix = loaded.text.slice(0, loaded.text.length - bodyOnDisk.length);
    const newBody = `${post.body}\nA new paragraph, with "quotes" and ---.\n`;
    const saved = applySave(loaded.text, { kind: 'none' }, newBody);
    if (!saved.ok) throw new Error(saved.error.message);
    const joint = prefix !== '' && !prefix.endsWith('\n') ? eol : '';
    expect(saved.value).toBe(prefix + joint + newBody.replace(/\n/g, eol));
    const reread = decodePost(await saveAndReread(loaded, saved.value));
    expect(parsePost(reread.text).body).toBe(newBody);
    expect(parsePost(reread.text).frontMatter).toEqual(post.frontMatter);
  });

  it.each(files)('%s: setting a text field changes only that value, in its own quoting', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    const field = editableTextField(post.frontMatter.fields);
    const change: FrontMatterChange = {
      kind: 'fields',
      edits: [{ op: 'set', key: field?.key ?? 'title', value: { kind: 'text', text: NEW_TITLE } }],
    };
    const saved = applySave(loaded.text, change, post.body);
    if (!post.frontMatter.editable || post.frontMatter.format === 'none' || field === undefined) {
      if (!post.frontMatter.editable) expect(saved.ok ? 'saved' : saved.error.code).toBe('READ_ONLY');
      return;
    }
    if (!saved.ok) throw new Error(saved.error.message);
    const diff = lineDiff(loaded.text, saved.value);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    const [before = '', after = ''] = [diff.removed[0], diff.added[0]];
    const keyEnd = before.indexOf(field.key) + field.key.length;
    const valueStart = keyEnd + (/^\s*[:=]\s*/.exec(before.slice(keyEnd))?.[0].length ?? 0);
    expect(after.slice(0, valueStart)).toBe(before.slice(0, valueStart));
    const oldQuote = before[valueStart];
    if (oldQuote === '"' || oldQuote === "'") expect(after[valueStart]).toBe(oldQuote);
    const reread = parsePost(decodePost(await saveAndReread(loaded, saved.value)).text);
    expect(reread.frontMatter.fields.find((f) => f.key === field.key)?.value).toBe(NEW_TITLE);
    expect(reread.body).toBe(post.body);
  });

  it.each(files)('%s: adding a key adds one line; removing a key removes only its lines', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    const fm = post.frontMatter;
    if (!fm.editable || fm.format === 'none') return;
    const add = applySave(
      loaded.text,
      { kind: 'fields', edits: [{ op: 'set', key: 'pw_added', value: { kind: 'text', text: 'x y' } }] },
      post.body,
    );
    if (!add.ok) throw new Error(add.error.message);
    const added = lineDiff(loaded.text, add.value);
    expect([added.removed.length, added.added.length]).toEqual([0, 1]);
    expect(added.added[0]).toMatch(/^pw_added\s*[:=]/);
    for (const field of fm.fields) {
      const removed = applySave(loaded.text, { kind: 'fields', edits: [{ op: 'remove', key: field.key }] }, post.body);
      if (!removed.ok) {
        expect(removed.error.code).toBe('UNSUPPORTED');
        continue;
      }
      const diff = lineDiff(loaded.text, removed.value);
      expect(diff.added).toEqual([]);
      expect(diff.removed.length).toBeGreaterThan(0);
      const fields = parsePost(removed.value).frontMatter.fields;
      expect(fields.map((f) => f.key)).toEqual(fm.fields.filter((f) => f !== field).map((f) => f.key));
    }
  });

  it.each(files)('%s: sending every field back unchanged changes nothing', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    const edits = post.frontMatter.fields.map((f): FieldEdit => ({ op: 'set', key: f.key, value: asValue(f) }));
    const saved = applySave(loaded.text, { kind: 'fields', edits }, post.body);
    if (!post.frontMatter.editable || post.frontMatter.format === 'none') return;
    expect(saved.ok && saved.value === loaded.text).toBe(true);
  });

  it.each(files)('%s: any text field can take a hostile value, leaving the others as they were', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    if (!post.frontMatter.editable) return;
    for (const field of post.frontMatter.fields.filter((f) => f.kind === 'text' || f.kind === 'date')) {
      const value = `${NEW_TITLE} # not a comment\n\t'x' \\ [a, b] {c}`;
      const change: FrontMatterChange = {
        kind: 'fields',
        edits: [{ op: 'set', key: field.key, value: { kind: 'text', text: value } }],
      };
      const saved = applySave(loaded.text, change, post.body);
      if (!saved.ok) throw new Error(`${field.key}: ${saved.error.message}`);
      const after = parsePost(saved.value).frontMatter.fields;
      expect(after.map((f) => (f.key === field.key ? f.value : null))).toContain(value);
      expect(after.filter((f) => f.key !== field.key)).toEqual(
        post.frontMatter.fields.filter((f) => f.key !== field.key),
      );
    }
  });

  it.each(files)('%s: cut short anywhere, it still opens and saves unchanged', async (file) => {
    const { text } = await load(file);
    for (let i = 0; i <= 40; i++) {
      const cut = text.slice(0, Math.round((text.length * i) / 40));
      const post = parsePost(cut);
      summarizePost(cut);
      const saved = applySave(cut, { kind: 'none' }, post.body);
      expect(saved.ok && saved.value === cut).toBe(true);
    }
  });

  it.each(files)('%s: JavaScript front matter stays byte-identical and its fields are read-only', async (file) => {
    const loaded = await load(file);
    const post = parsePost(loaded.text);
    if (post.frontMatter.format !== 'js') return;
    expect(post.frontMatter.note).toMatch(/never run/);
    const edit = applySave(
      loaded.text,
      { kind: 'fields', edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: 'x' } }] },
      post.body,
    );
    expect(edit.ok ? 'saved' : edit.error.code).toBe('READ_ONLY');
    const body = applySave(loaded.text, { kind: 'none' }, `${post.body}more\n`);
    expect(body.ok && body.value.startsWith(loaded.text.slice(0, loaded.text.length - post.body.length))).toBe(true);
  });

  it('splits where gray-matter does for ordinary `---` posts', async () => {
    let compared = 0;
    for (const file of files) {
      const { text } = await load(file);
      const post = parsePost(text);
      const closedByDashes = /\n---[ \t]*\r?\n/.test(text);
      if (
        post.frontMatter.format !== 'yaml' ||
        !text.startsWith('---') ||
        !closedByDashes ||
        post.lineEnding === 'crlf'
      )
        continue;
      if (/\n\.\.\.\r?\n/.test(text.slice(0, text.indexOf('\n---', 3) + 1))) continue;
      expect(post.body, file).toBe(grayMatterContent(text).content);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('dates under TZ=%s', (zone) => {
    const original = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it('really runs in that zone', () => {
      const offset = new Date(Date.UTC(2020, 0, 1)).getTimezoneOffset();
      expect(offset).toBe({ UTC: 0, 'America/Los_Angeles': 480, 'Asia/Tokyo': -540 }[zone]);
    });

    it.each(files)('%s: every date is shown as its source text', async (file) => {
      const { text } = await load(file);
      const post = parsePost(text);
      const lines = post.frontMatter.raw.split('\n');
      for (const field of post.frontMatter.fields.filter((f) => f.kind === 'date')) {
        const value = String(field.value);
        expect(
          lines.some((l) => l.includes(field.key) && l.includes(value)),
          `${field.key}: ${value}`,
        ).toBe(true);
      }
      const facts = summarizePost(text);
      if (facts.date !== null) expect(text.replace(/\r\n/g, '\n')).toContain(facts.date);
      if (facts.sortKey !== null) expect(facts.sortKey.slice(0, 10)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});

describe.skipIf(!present)('the author’s seed post', () => {
  it('changes only the title line when the title is edited', async () => {
    const loaded = await load(join(corpus, 'seed', 'focus-is-the-ultimate-process.md'));
    const post = parsePost(loaded.text);
    const saved = applySave(
      loaded.text,
      { kind: 'fields', edits: [{ op: 'set', key: 'title', value: { kind: 'text', text: NEW_TITLE } }] },
      post.body,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(lineDiff(loaded.text, saved.value)).toEqual({
      removed: ['title:\t"Focus is the Ultimate Process"'],
      added: ['title:\t"He said \\"hi\\": ok"'],
      at: 3,
    });
  });
});
