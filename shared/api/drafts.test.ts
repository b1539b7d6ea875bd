import { describe, expect, it } from 'vitest';
import type { FrontMatterField } from './contract';
import { draftFlagOn, isDraft, isDraftPost, jsDraft } from './drafts';

const text = (key: string, value: string): FrontMatterField => ({ key, kind: 'text', value });

describe('drafts', () => {
  it('reads a flag as a boolean, text or number, and the list, export and hints agree', () => {
    expect(draftFlagOn([{ key: 'draft', kind: 'boolean', value: true }])).toBe(true);
    expect(draftFlagOn([text('Draft', ' Yes ')])).toBe(true);
    expect(draftFlagOn([{ key: 'draft', kind: 'number', value: '1' }])).toBe(true);
    expect(draftFlagOn([text('draft', 'maybe')])).toBe(false);
    expect(isDraft([text('published', 'false')])).toBe(true);
    // An unpublished post is a draft, though its draft flag is off.
    expect(draftFlagOn([text('published', 'false')])).toBe(false);
    expect(isDraft([text('published', '2020-01-01')])).toBe(false);
  });

  it('reads JavaScript front matter as text: a draft flag not plainly false makes a draft', () => {
    // eleventy's base-fifthpost-js-frontmatter.md, from the corpus.
    const fifth = 'const title = "This is a fifth post";\nconst date = "2023-01-23";\nconst draft = true;';
    expect(jsDraft(fifth)).toBe(true);
    expect(isDraftPost({ format: 'js', raw: fifth, fields: [] })).toBe(true);
    for (const yes of [
      'export const draft = 1;',
      'module.exports = { title: "A", draft: !0 }',
      'data.draft = isDev;',
      'module.exports = {\n  title: "x",\n  /* wip */ draft: true,\n}',
      'module.exports = { ["draft"]: true }',
      'module.exports = { url: "https://a.b/c", draft: true }',
      '// a note\nconst draft = true;',
    ]) {
      expect(jsDraft(yes), yes).toBe(true);
    }
    expect(jsDraft('module.exports = { "published": false }')).toBe(true);
    expect(jsDraft('module.exports = {\n  published: 0,\n}')).toBe(true);
    for (const no of [
      'const draft = false; // was true',
      'const draft = false /* for now */;',
      '/* const draft = true; */ const title = "x";',
      'const title = "My draft: notes";',
      'if (draft === true) {}',
      'const isDraft = true;',
      'const published = "2023-01-23";',
      '',
    ]) {
      expect(jsDraft(no), no).toBe(false);
    }
    // Only a JavaScript block is read as text; other formats have their fields.
    expect(isDraftPost({ format: 'yaml', raw: 'draft = true', fields: [] })).toBe(false);
  });
});
