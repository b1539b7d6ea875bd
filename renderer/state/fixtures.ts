/** Posts as the backend returns them, for the reducers' tests. */
import type { FrontMatterInfo, PostDoc } from '../../shared/api/contract';

/** The author's own front matter (TAB-separated, double-quoted) as the backend describes it. */
export function seedFrontMatter(): FrontMatterInfo {
  return {
    format: 'yaml',
    raw: 'path:\t"/blog/focus-is-the-ultimate-process"\ndate:\t"2016-05-26"\ntitle:\t"Focus is the Ultimate Process"',
    editable: true,
    fields: [
      { key: 'path', kind: 'text', value: '/blog/focus-is-the-ultimate-process' },
      { key: 'date', kind: 'date', value: '2016-05-26' },
      { key: 'title', kind: 'text', value: 'Focus is the Ultimate Process' },
      { key: 'tags', kind: 'list', value: ['work', 'focus'] },
      { key: 'draft', kind: 'boolean', value: false },
    ],
  };
}

/** An opened post at `version`. */
export function seedDoc(version = 'v1', body = '\nWhen confronted with workplace dysfunction…\n'): PostDoc {
  return { id: 'blog/focus.md', version, frontMatter: seedFrontMatter(), body, lineEnding: 'lf' };
}
