/**
 * Hostile posts through the front-matter codec: reading a post never runs its code (`---js`,
 * `!!js/function`), never pollutes a prototype (`__proto__`, merge keys, TOML tables), and
 * never hangs or crashes on huge or deeply nested front matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySave, decodePost, parsePost, summarizePost } from '../frontmatter/index';
import { grayMatterContent } from '../frontmatter/gray-matter-reference';
import { parseBlockData } from '../frontmatter/parse';
import { clearSentinels, HOSTILE_POSTS, readHostile, sentinels, tripwires } from './hostile';

beforeAll(async () => {
  if (HOSTILE_POSTS.length === 0) console.log('hostile-post suite skipped: e2e/fixtures/hostile is missing');
  await clearSentinels();
});

afterAll(async () => {
  expect(await sentinels()).toEqual([]);
  expect(tripwires()).toEqual([]);
});

describe('the hostile-post suite', () => {
  it('holds at least 60 posts', () => {
    expect(HOSTILE_POSTS.length).toBeGreaterThanOrEqual(60);
  });
});

describe.skipIf(HOSTILE_POSTS.length === 0)('every hostile post through the codec', () => {
  it.each(HOSTILE_POSTS)(
    '%s parses without running or polluting anything',
    async (name) => {
      const decoded = decodePost(await readHostile(name));
      const parsed = parsePost(decoded.text);
      const facts = summarizePost(decoded.text);
      // Saving unchanged must give back the very same text: nothing was evaluated or rewritten.
      const same = applySave(decoded.text, { kind: 'none' }, parsed.body);
      expect(same).toEqual({ ok: true, value: decoded.text });
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
      expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
      expect(tripwires()).toEqual([]);
      expect(await sentinels()).toEqual([]);
    },
    60_000,
  );
});

describe('JavaScript front matter', () => {
  it.each([
    ['---js', 'js'],
    ['---javascript', 'js'],
    ['---JS', 'js'],
    ['--- js', null],
    ['---coffee', null],
  ])('%s is shown as text and never run', async (fence, format) => {
    const text = `${fence}\n{ title: (function () { globalThis.__pwned = 'codec'; require('fs').writeFileSync(require('os').tmpdir() + '/postwright-pwned-codec', 'x'); return 't'; })() }\n---\nBody\n`;
    const parsed = parsePost(text);
    if (format !== null) expect(parsed.frontMatter.format).toBe(format);
    expect(parsed.frontMatter.fields).toEqual(format === null ? parsed.frontMatter.fields : []);
    expect(summarizePost(text).title).not.toBe('t');
    expect(tripwires()).toEqual([]);
    expect(await sentinels()).toEqual([]);
  });

  it.each(['---js', '---javascript', '---JavaScript'])(
    '%s is never run by gray-matter itself, as Postwright configures it (its JavaScript engines throw)',
    async (fence) => {
      const text = `${fence}\n{ title: (function () { globalThis.__pwned = 'gray-matter'; return 't'; })() }\n---\nBody\n`;
      grayMatterContent(text);
      expect(tripwires()).toEqual([]);
      expect(await sentinels()).toEqual([]);
    },
  );

  it('is refused by the gray-matter engines too, with an error rather than a result', () => {
    const block = "{ title: (() => { globalThis.__pwned = 'engine'; return 't'; })() }";
    expect(parseBlockData('json', block).ok).toBe(false);
    expect(tripwires()).toEqual([]);
  });
});

describe('prototype pollution', () => {
  const payloads: [string, string][] = [
    ['YAML __proto__', '---\n__proto__:\n  polluted: yes\n---\n'],
    ['YAML quoted __proto__', '---\n"__proto__": {polluted: yes}\n---\n'],
    ['YAML constructor.prototype', '---\nconstructor:\n  prototype:\n    polluted: yes\n---\n'],
    ['YAML merge into __proto__', '---\nb: &b {polluted: yes}\n__proto__:\n  <<: *b\n---\n'],
    ['YAML top-level merge', '---\nb: &b {__proto__: {polluted: yes}}\n<<: *b\n---\n'],
    ['TOML [__proto__]', '+++\n[__proto__]\npolluted = "yes"\n+++\n'],
    ['TOML dotted __proto__', '+++\n__proto__.polluted = "yes"\n+++\n'],
    ['TOML [constructor.prototype]', '+++\n[constructor.prototype]\npolluted = "yes"\n+++\n'],
    ['TOML array of tables', '+++\n[[__proto__]]\npolluted = "yes"\n+++\n'],
    ['JSON __proto__', '---json\n{"__proto__": {"polluted": "yes"}}\n---\n'],
    ['JSON constructor.prototype', '---json\n{"constructor": {"prototype": {"polluted": "yes"}}}\n---\n'],
  ];

  it.each(payloads)('%s stays a plain key', (_name, text) => {
    const parsed = parsePost(`${text}Body\n`);
    summarizePost(`${text}Body\n`);
    expect(parsed.body).toBe('Body\n');
    expect(tripwires()).toEqual([]);
  });

  it.each([
    ['toml', '[__proto__]\npolluted = "yes"\n'],
    ['toml', '__proto__.polluted = "yes"\n'],
    ['json', '{"__proto__": {"polluted": "yes"}}'],
  ] as const)('the %s engine returns data that pollutes nothing when copied', (format, raw) => {
    const data = parseBlockData(format, raw);
    if (data.ok) {
      // Copying the data the way careless code would must not reach the prototype either.
      Object.assign({}, data.data);
      structuredClone(data.data);
    }
    expect(tripwires()).toEqual([]);
  });
});

/** Slow machines (and CI under load) get this long per case; the budget is "completes". */
const BUDGET_MS = 120_000;

describe('huge and deeply nested front matter completes', () => {
  const cases: [string, () => string][] = [
    ['a 2 MB YAML value', () => `---\ntitle: "${'x'.repeat(2_000_000)}"\n---\nBody\n`],
    ['2,000 YAML keys', () => `---\n${Array.from({ length: 2000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nBody\n`],
    ['YAML flow nesting 50,000 deep', () => `---\nd: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\nBody\n`],
    [
      'YAML block nesting 500 deep',
      () => `---\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n---\nBody\n`,
    ],
    ['YAML alias bomb', () => `---\n${bomb()}\n---\nBody\n`],
    ['JSON nesting 50,000 deep', () => `---json\n{"d": ${'['.repeat(50_000)}${']'.repeat(50_000)}}\n---\nBody\n`],
    ['TOML nesting 100,000 deep', () => `+++\nd = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n+++\nBody\n`],
    ['TOML inline tables 50,000 deep', () => `+++\nd = ${'{a = '.repeat(50_000)}1${'}'.repeat(50_000)}\n+++\nBody\n`],
    ['an unclosed fence of 2 MB', () => `---\ntitle: x\n${'line\n'.repeat(400_000)}`],
  ];

  it.each(cases)(
    '%s',
    (_name, make) => {
      const text = make();
      const parsed = parsePost(text);
      const facts = summarizePost(text);
      expect(typeof parsed.body).toBe('string');
      expect(facts).toBeTypeOf('object');
      expect(tripwires()).toEqual([]);
    },
    BUDGET_MS,
  );
});

it("front matter nested past the stack opens as text, explained in a writer's words", () => {
  const parsed = parsePost(`---\nd: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\nBody\n`);
  expect(parsed.frontMatter.editable).toBe(false);
  expect(parsed.frontMatter.error?.message).toMatch(/nested too deeply to read$/);
  expect(parsed.frontMatter.error?.message).not.toMatch(/call stack/i);
  expect(parsed.body).toBe('Body\n');
});

/** Nine levels of nine aliases each: 387 million nodes if anything expands them. */
function bomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const previous = String.fromCharCode(96 + i);
    const current = String.fromCharCode(97 + i);
    lines.push(`${current}: &${current} [${Array<string>(9).fill(`*${previous}`).join(',')}]`);
  }
  return lines.join('\n');
}
