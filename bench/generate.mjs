/**
 * Realistic posts for the benchmark: front matter, then prose, headings, lists, code, links and
 * images in the proportions of the corpus, an excerpt mark (`<!-- more -->`) after the first block,
 * deterministic (a seeded generator) so runs compare.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'the a writer sentence paragraph draft revise plain text editor markdown blog post garden notes ' +
  'morning coffee window light river mountain city train station book library quiet careful reader ' +
  'structure rhythm clarity voice argument example detail memory evening walk letter friend idea ' +
  'simple honest small tool file folder version history change save publish page link image'
).split(' ');

/** @typedef {() => number} Random */

/**
 * A small deterministic random generator (mulberry32), so every run writes the same posts.
 * @param {number} seed
 * @returns {Random}
 */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {Random} rand
 * @param {readonly string[]} list
 */
function pick(rand, list) {
  return list[Math.floor(rand() * list.length)] ?? '';
}

/** @param {Random} rand */
function sentence(rand) {
  const n = 6 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(rand, WORDS));
  if (rand() < 0.25) words[2] = `**${words[2]}**`;
  if (rand() < 0.2) words[5] = `_${words[5]}_`;
  if (rand() < 0.2) words[4] = `[${words[4]}](https://example.com/${words[4]})`;
  if (rand() < 0.1) words[3] = `\`${words[3]}()\``;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** @param {Random} rand */
function paragraph(rand) {
  return Array.from({ length: 2 + Math.floor(rand() * 5) }, () => sentence(rand)).join(' ');
}

let blockCounter = 0;
/** @param {Random} rand */
function block(rand) {
  const r = rand();
  blockCounter += 1;
  if (r < 0.55) return paragraph(rand);
  if (r < 0.65)
    return `## ${sentence(rand)
      .slice(0, 40)
      .replace(/[.*_`[\]()]/g, '')} ${blockCounter}`;
  if (r < 0.77) {
    const ordered = rand() < 0.4;
    return Array.from(
      { length: 2 + Math.floor(rand() * 4) },
      (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence(rand)}`,
    ).join('\n');
  }
  if (r < 0.87) {
    const lines = Array.from(
      { length: 3 + Math.floor(rand() * 8) },
      (_, i) => `  const ${pick(rand, WORDS)}${i} = ${i * 7};`,
    );
    return ['```js', 'function example() {', ...lines, '}', '```'].join('\n');
  }
  if (r < 0.93) return `![${pick(rand, WORDS)} ${pick(rand, WORDS)}](images/photo-${blockCounter % 40}.jpg)`;
  if (r < 0.97) return `> ${sentence(rand)} ${sentence(rand)}`;
  return (
    '| word | count |\n| --- | ---: |\n' +
    Array.from({ length: 3 }, () => `| ${pick(rand, WORDS)} | ${Math.floor(rand() * 100)} |`).join('\n')
  );
}

/**
 * A post of about `bytes` bytes: YAML front matter with `title`, then the body. An essay (`notes`)
 * also has footnotes and reference links through its prose (one call every ~3 KB, one reference
 * every ~5 KB; at most 100 and 60), defined at its end, as essays written in Markdown keep them.
 * @param {{ bytes: number, seed: number, title: string, date: string, notes?: boolean }} post
 */
export function makePost({ bytes, seed, title, date, notes = false }) {
  const rand = seeded(seed);
  const tags = [pick(rand, WORDS), pick(rand, WORDS)];
  const head = `---\ntitle: "${title}"\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\n`;
  const blocks = [];
  let size = head.length;
  while (size < bytes) {
    const next = block(rand);
    blocks.push(next);
    size += next.length + 2;
  }
  // The excerpt's end after the first block, as Hexo and Jekyll blogs mark it.
  if (blocks.length > 1) blocks.splice(1, 0, '<!-- more -->');
  if (notes) blocks.push(...annotate(blocks, bytes));
  return head + blocks.join('\n\n') + '\n';
}

/**
 * Adds footnote calls and reference links to prose paragraphs spread through `blocks` (in place);
 * returns their definitions.
 * @param {string[]} blocks
 * @param {number} bytes
 */
function annotate(blocks, bytes) {
  const footnotes = Math.min(100, Math.max(1, Math.round(bytes / 3_000)));
  const references = Math.min(60, Math.max(1, Math.round(bytes / 5_000)));
  const prose = blocks.flatMap((text, at) => (/^[A-Z][^\n]*\.$/.test(text) ? [at] : []));
  const every = Math.max(1, Math.floor(prose.length / (footnotes + references)));
  const definitions = [];
  let note = 0;
  let reference = 0;
  for (let k = 0; k < prose.length && note + reference < footnotes + references; k += every) {
    const at = prose[k] ?? 0;
    const text = blocks[at] ?? '';
    if (note < footnotes && (note <= reference || reference >= references)) {
      note += 1;
      blocks[at] = `${text}[^${note}]`;
      definitions.push(`[^${note}]: A note on the point made here, number ${note}.`);
    } else {
      reference += 1;
      blocks[at] = `${text.slice(0, -1)} (see [source ${reference}][s${reference}]).`;
      definitions.push(`[s${reference}]: https://example.com/sources/${reference} "Source ${reference}"`);
    }
  }
  return definitions;
}

/** @param {number} i */
function dateFor(i) {
  const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000 * 0.37);
  return day.toISOString().slice(0, 10);
}

/**
 * Writes `count` posts of about `bytes` each into `dir` (in 20 subfolders, as real blogs nest a little).
 * @param {string} dir
 * @param {number} count
 * @param {number} bytes
 */
export async function writeFolder(dir, count, bytes) {
  await mkdir(dir, { recursive: true });
  const sub = Array.from({ length: Math.min(20, Math.ceil(count / 50)) }, (_, i) => `y${2000 + i}`);
  await Promise.all(sub.map((name) => mkdir(path.join(dir, name), { recursive: true })));
  let total = 0;
  for (let start = 0; start < count; start += 200) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 200); i++) {
      const text = makePost({
        bytes,
        seed: i + 1,
        title: `Post number ${i} about ${WORDS[i % WORDS.length]}`,
        date: dateFor(i),
      });
      total += Buffer.byteLength(text);
      batch.push(writeFile(path.join(dir, sub[i % sub.length] ?? '', `post-${String(i).padStart(5, '0')}.md`), text));
    }
    await Promise.all(batch);
  }
  return total;
}

/**
 * The three long posts (10 KB, 100 KB, 1 MB), essays with footnotes and reference links, in one
 * folder; returns their titles by size label.
 * @param {string} dir
 * @returns {Promise<Record<string, string>>}
 */
export async function writeLongPosts(dir) {
  await mkdir(dir, { recursive: true });
  const sizes = { '10 KB': 10_000, '100 KB': 100_000, '1 MB': 1_000_000 };
  /** @type {Record<string, string>} */
  const titles = {};
  let n = 0;
  for (const [label, bytes] of Object.entries(sizes)) {
    n += 1;
    const title = `Long post ${label}`;
    titles[label] = title;
    const text = makePost({ bytes, seed: 1000 + n, title, date: `2024-01-0${n}`, notes: true });
    await writeFile(path.join(dir, `long-${bytes}.md`), text);
  }
  return titles;
}
