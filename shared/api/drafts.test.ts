import { describe, expect, it } from 'vitest';
import type { FrontMatterField } from './contract';
import { draftFlagOn, isDraft } from './drafts';

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
});
