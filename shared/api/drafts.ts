/**
 * Whether a post is a draft, read one way by the post list, the site export and the writing hints:
 * `draft: true` or `published: false`, each flag written as a boolean, or as text or a number
 * (`draft: "true"`, `draft: 1`, `draft: yes`), as generators read them (Hugo's `true` and `1`,
 * YAML 1.1's `yes`). In doubt a draft: a post is never published by mistake. JavaScript front
 * matter has no fields (it is never run): its text is read for a draft flag instead.
 */
import type { FrontMatterField, FrontMatterInfo } from './contract';

function field(fields: readonly FrontMatterField[], key: string): FrontMatterField | undefined {
  return fields.find((candidate) => candidate.key.toLowerCase() === key);
}

/** A yes-or-no flag's value, or null when the field is missing or says neither. */
function flag(found: FrontMatterField | undefined): boolean | null {
  if (typeof found?.value === 'boolean') return found.value;
  if ((found?.kind !== 'text' && found?.kind !== 'number') || typeof found.value !== 'string') return null;
  const text = found.value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  return ['false', '0', 'no', 'off'].includes(text) ? false : null;
}

/** Whether the `draft` flag is on. */
export function draftFlagOn(fields: readonly FrontMatterField[]): boolean {
  return flag(field(fields, 'draft')) === true;
}

/** Whether the post is a draft: its `draft` flag on, or its `published` flag off. */
export function isDraft(fields: readonly FrontMatterField[]): boolean {
  return draftFlagOn(fields) || flag(field(fields, 'published')) === false;
}

/**
 * A `draft` or `published` name given a value in JavaScript front matter (`const draft = true;`,
 * `draft: true,`, `data.draft = isDev`), with the value's text up to the end of the statement. The
 * name must start a statement, a declaration or a property, so "My draft: notes" inside a title is
 * not one; `==`, `===` and `=>` are comparisons and arrows, not values. What may come before the
 * name is looked at only where a name is (looked for at every place, a long run of spaces was read
 * back over from each of its places: 100 KB of them took 4.6 s).
 */
const JS_FLAG =
  /["'`]?(draft|published)(?<=(?:^|[{,;.([]|\b(?:const|let|var))\s*["'`]?(?:draft|published))["'`]?\]?\s*(?::|=(?![=>]))\s*([^,;\n}]*)/gim;

/**
 * The text without its comments (`/* … *\/` and `// …`, not the `//` of a URL), in one pass: a
 * flag after a comment (`/* wip *\/ draft: true`) is still a flag.
 */
function withoutComments(raw: string): string {
  let out = '';
  let at = 0;
  while (at < raw.length) {
    const open = raw.indexOf('/*', at);
    if (open === -1) break;
    const close = raw.indexOf('*/', open + 2);
    out += `${raw.slice(at, open)} `;
    at = close === -1 ? raw.length : close + 2;
  }
  out += raw.slice(at);
  return out.replace(/(^|[^:/])\/\/[^\n]*/g, '$1');
}

/** Values JavaScript reads as false, written as literals. */
const JS_FALSY = /^(?:false|0|null|undefined|void 0|!1|''|""|``)$/;

/**
 * Whether JavaScript front matter makes the post a draft. Postwright never runs a post's code, so
 * the block is read as text: a draft flag given any value that is not plainly false (`true`, `1`,
 * or an expression we cannot know) makes a draft, and so does `published` plainly false.
 */
export function jsDraft(raw: string): boolean {
  for (const match of withoutComments(raw).matchAll(JS_FLAG)) {
    const name = (match[1] ?? '').toLowerCase();
    const falsy = JS_FALSY.test((match[2] ?? '').trim());
    if (name === 'draft' ? !falsy : falsy) return true;
  }
  return false;
}

/** Whether a post is a draft, from its front-matter block: its fields, or the text of a JavaScript block. */
export function isDraftPost(frontMatter: Pick<FrontMatterInfo, 'format' | 'raw' | 'fields'>): boolean {
  return isDraft(frontMatter.fields) || (frontMatter.format === 'js' && jsDraft(frontMatter.raw));
}

/**
 * Whether a post lies in a drafts folder (`_drafts/`, anywhere on its path), where Jekyll and Hexo keep
 * drafts: unpublished whatever their front matter says.
 */
export function inDraftsFolder(id: string): boolean {
  return id.split('/').slice(0, -1).includes('_drafts');
}
