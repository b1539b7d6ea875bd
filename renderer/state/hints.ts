/** Publishing hints: things worth a look before a post goes out. None of them blocks saving. */
import type { FrontMatterField } from '../../shared/api/contract';
import { resolvePostPath } from './urls';

/** Titles longer than this are cut off in search results. */
export const TITLE_LIMIT = 60;
/** Descriptions longer than this are cut off in search results. */
export const DESCRIPTION_LIMIT = 160;

/** One hint, with a stable key for the list. */
export interface Hint {
  key: string;
  text: string;
}

/** What the hints look at. */
export interface HintInput {
  postId: string;
  fields: readonly FrontMatterField[];
  body: string;
  /** Every post id in the folder, for checking links between posts. */
  postIds: ReadonlySet<string>;
}

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
function length(text: string): number {
  // Surrogate pairs are one character; every other UTF-16 unit is one too.
  return text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g) ?? []).length;
}

function textField(fields: readonly FrontMatterField[], keys: string[]): string | null {
  for (const key of keys) {
    const value = fields.find((field) => field.key.toLowerCase() === key)?.value;
    if (typeof value === 'string') return value;
  }
  return null;
}

function isDraft(fields: readonly FrontMatterField[]): boolean {
  const value = fields.find((field) => field.key.toLowerCase() === 'draft')?.value;
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** The lines of the body outside fenced code, where links and images are real. */
function proseLines(body: string): string[] {
  let fenced = false;
  return body.split('\n').filter((line) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** Every hint for the post, in the order the author would fix them. */
export function publishingHints({ postId, fields, body, postIds }: HintInput): Hint[] {
  const hints: Hint[] = [];
  const title = textField(fields, ['title']) ?? '';
  if (length(title) > TITLE_LIMIT) {
    hints.push({
      key: 'title',
      text: `The title is ${length(title)} characters; search results show about ${TITLE_LIMIT}.`,
    });
  }
  const description = textField(fields, ['description', 'summary', 'excerpt']);
  if (description === null || description.trim() === '') {
    hints.push({ key: 'description', text: 'There is no description; search engines and feeds will make one up.' });
  } else if (length(description) > DESCRIPTION_LIMIT) {
    hints.push({
      key: 'description',
      text: `The description is ${length(description)} characters; search results show about ${DESCRIPTION_LIMIT}.`,
    });
  }
  const prose = proseLines(body).join('\n');
  const noAlt =
    (prose.match(/!\[\s*\]\(/g) ?? []).length +
    (prose.match(/<img\b(?![^>]*\balt\s*=\s*["']?[^"'\s>])[^>]*>/gi) ?? []).length;
  if (noAlt > 0)
    hints.push({ key: 'alt', text: noAlt === 1 ? 'An image has no alt text.' : `${noAlt} images have no alt text.` });
  for (const target of brokenLinks(postId, prose, postIds)) {
    hints.push({ key: `link:${target}`, text: `The link to ${target} leads to no post in this folder.` });
  }
  if (isDraft(fields)) hints.push({ key: 'draft', text: 'The draft flag is still on.' });
  return hints;
}

/** Relative links to Markdown files that are not posts of this folder. */
export function brokenLinks(postId: string, prose: string, postIds: ReadonlySet<string>): string[] {
  const broken = new Set<string>();
  for (const match of prose.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) {
    const target = match[1] ?? '';
    if (!/\.(md|markdown)([?#].*)?$/i.test(target)) continue;
    const resolved = resolvePostPath(postId, target);
    if (resolved !== null && !postIds.has(resolved)) broken.add(target);
  }
  return [...broken];
}
