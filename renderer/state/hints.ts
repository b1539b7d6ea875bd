/** Publishing hints: things worth a look before a post goes out. None of them blocks saving. */
import type { FrontMatterField } from '../../shared/api/contract';
import { draftFlagOn } from '../../shared/api/drafts';
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
  /** Posts-folder paths of images found missing on disk (the renderer asks the server). */
  missingImages?: ReadonlySet<string>;
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

// Every repeat below is bounded and no class contains the character that starts another match, so
// a hostile body (`<img <img …`, `[[[…`, `![](![](…`) is read in linear time.
/** An HTML image tag. */
const IMG_TAG = /<img\b[^<>]{0,2000}>/gi;
/** A Markdown image's source: `![alt](src` or `![alt](<src with spaces>`. */
const MD_IMAGE = /!\[[^[\]]{0,1000}\]\(\s*(?:<([^<>\n]{1,2000})>|([^()[\]\s<>]{1,2000})(?=[\s)]))/g;
/** A Markdown link's target: `[text](target`. */
const LINK = /(?<!!)\[[^[\]]{0,1000}\]\(\s*(?:<([^<>\n]{1,2000})>|([^()[\]\s<>]{1,2000})(?=[\s)]))/g;

function imgTags(prose: string): string[] {
  return prose.match(IMG_TAG) ?? [];
}

/** Every hint for the post, in the order the author would fix them. */
export function publishingHints({ postId, fields, body, postIds, missingImages }: HintInput): Hint[] {
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
    imgTags(prose).filter((tag) => !/\balt\s*=\s*["']?[^"'\s>]/i.test(tag)).length;
  if (noAlt > 0)
    hints.push({ key: 'alt', text: noAlt === 1 ? 'An image has no alt text.' : `${noAlt} images have no alt text.` });
  for (const target of brokenLinks(postId, prose, postIds)) {
    hints.push({ key: `link:${target}`, text: `The link to ${target} leads to no post in this folder.` });
  }
  hints.push(...brokenImageHints(relativeImages(postId, prose), missingImages ?? new Set()));
  if (draftFlagOn(fields)) hints.push({ key: 'draft', text: 'The draft flag is still on.' });
  return hints;
}

/** Relative links to Markdown files that are not posts of this folder. */
export function brokenLinks(postId: string, prose: string, postIds: ReadonlySet<string>): string[] {
  const broken = new Set<string>();
  for (const match of prose.matchAll(LINK)) {
    const target = match[1] ?? match[2] ?? '';
    if (!/\.(md|markdown)([?#].*)?$/i.test(target)) continue;
    const resolved = resolvePostPath(postId, target);
    if (resolved !== null && !postIds.has(resolved)) broken.add(target);
  }
  return [...broken];
}

/** A relative image reference: as written, and the posts-folder path it names (null: outside the folder). */
export interface ImageReference {
  src: string;
  path: string | null;
}

/** Site-absolute, external, data and template sources are the site generator's business, not files here. */
function isRelativeSource(src: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(src) && !/[{}]/.test(src);
}

/** The relative images of `prose` (Markdown `![alt](src)` and HTML `<img src>`), each once, in order. */
export function relativeImages(postId: string, prose: string): ImageReference[] {
  const sources = [
    ...[...prose.matchAll(MD_IMAGE)].map((m) => m[1] ?? m[2] ?? ''),
    ...imgTags(prose).map(
      (tag) =>
        /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
          .exec(tag)
          ?.slice(1)
          .find((v) => v !== undefined) ?? '',
    ),
  ];
  const seen = new Set<string>();
  const found: ImageReference[] = [];
  for (const raw of sources) {
    const src = raw.trim();
    if (src === '' || seen.has(src) || !isRelativeSource(src)) continue;
    seen.add(src);
    found.push({ src, path: resolvePostPath(postId, src) });
  }
  return found;
}

function brokenImageHints(images: readonly ImageReference[], missing: ReadonlySet<string>): Hint[] {
  return images
    .filter((image) => image.path === null || missing.has(image.path))
    .map((image) => ({
      key: `image:${image.src}`,
      text:
        image.path === null
          ? `The image ${image.src} points outside the posts folder; the preview and the export cannot show it.`
          : `The image ${image.src} is not in the posts folder.`,
    }));
}

/**
 * What the preview (and so the export) leaves out of the post, as hints: raw HTML the sanitizer
 * drops, links removed as unsafe, parts too complex to render. Each warning once, in its order.
 */
export function renderHints(warnings: readonly string[]): Hint[] {
  return [...new Set(warnings)].map((warning) => ({
    key: `render:${warning}`,
    // The renderer says "was left out"; here the writer is told where: the preview and the page.
    text: warning.replace(/ was left out\.$/, ' is left out of the preview and the exported page.'),
  }));
}
