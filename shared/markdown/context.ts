/**
 * Per-render settings travel on the file's data so that one frozen processor (built once from
 * MARKDOWN_PLUGINS) serves every render, in the preview and in the export alike.
 */

/** How a render treats images and where it reports what it dropped. */
export interface RenderContext {
  /** Maps a relative image path to a URL the output may load, or null to drop the image. */
  resolveImage?: (src: string) => string | null;
  /** Maps a relative link (as written) to another URL, or null to keep it as written. */
  resolveLink?: (href: string) => string | null;
  /** 'placeholder' shows remote images as a labelled box instead of loading them. */
  remoteImages: 'keep' | 'placeholder';
  /** Human-readable notes about what was removed and why. */
  warnings: string[];
  /**
   * A piece of a post rendered alone (./render.ts renderBlock, renderFootnotes): the footnote calls
   * before it, which its calls' numbers follow, and whether it lists footnotes (only the post's
   * list does); a block, its own calls (../markdown/to-hast.ts seeds only those). A whole render has none.
   */
  footnotes?: { before: FootnoteCalls; list: false; calls: readonly string[] } | { before: FootnoteOrder; list: true };
  /**
   * A piece of a post notes the ids it holds and its headings' slugs and ids (./headings.ts), so
   * ids can be made unique over the whole post; `given` are its headings' ids, worked out so.
   */
  headings?: { explicit: string[]; slugs: string[]; ids: string[]; given?: readonly string[] };
  /** Set when the text was rendered in parts apart after all (a tree too deep, ./render.ts). */
  renderedApart?: boolean;
}

/** Footnotes called so far, as remark-rehype numbers them (by upper-case identifier). */
export interface FootnoteCalls {
  /** How many were called: a footnote called for the first time next takes this place. */
  readonly size: number;
  /** A called footnote's place in the order of first calls. */
  place(id: string): number | undefined;
  /** How many times it was called (0: never). */
  count(id: string): number;
}

/** Footnotes called so far, and their order. */
export interface FootnoteOrder extends FootnoteCalls {
  readonly order: readonly string[];
}

/** The key under `file.data` that holds the RenderContext. */
export const CONTEXT_KEY = 'postwrightRender';

/** The context of a render; a render without one keeps remote images and discards warnings. */
export function contextOf(file: { data: Record<string, unknown> }): RenderContext {
  const value = file.data[CONTEXT_KEY];
  if (isContext(value)) return value;
  return { remoteImages: 'keep', warnings: [] };
}

function isContext(value: unknown): value is RenderContext {
  return typeof value === 'object' && value !== null && 'warnings' in value && Array.isArray(value.warnings);
}

/** Shortens a URL or text for a warning line. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
