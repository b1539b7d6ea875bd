/** Words and numbers the export UI shows, kept apart from React so they are tested plainly. */
import type { SiteExportSummary } from '../../shared/api/contract';

/** Said when the open post has edits that the export (which reads the disk) will not include. */
export const UNSAVED_EXPORT_NOTE = 'Exporting the saved version; save first to include your edits.';

/** The bar's value, 0–100, for `done` of `total` (an empty site counts as complete). */
export function progressPercent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round((Math.min(Math.max(done, 0), total) / total) * 100);
}

/** "3 of 12 posts" while the export runs. */
export function progressLabel(done: number, total: number): string {
  return `${done} of ${total} ${total === 1 ? 'post' : 'posts'}`;
}

/** One sentence for a finished site export. */
export function summaryLine(summary: SiteExportSummary): string {
  const posts = plural(summary.posts, 'post');
  const pages = plural(summary.pages, 'page');
  const warnings = plural(summary.warnings.length, 'warning');
  const kept = summary.kept === undefined || summary.kept === 0 ? '' : `; ${keptPhrase(summary.kept)}`;
  return `Exported ${posts} (${pages}) with ${warnings} in ${seconds(summary.ms)}${kept}.`;
}

/** What to say after one post was exported. */
export function postExportedLine(where: string, warnings: number): string {
  return warnings === 0 ? `Exported to ${where}.` : `Exported to ${where} (${plural(warnings, 'warning')}).`;
}

/** A site URL the backend will accept, or why not (empty means "no feed"). */
export function siteUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  return /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.test(trimmed)
    ? null
    : 'Use an http(s) address without ? or #, for example https://example.com/blog/';
}

/** "2 of your own files and folders left untouched": what an export beside the author's files kept (a folder counts once). */
export function keptPhrase(kept: number): string {
  return `${kept} of your own files and folders left untouched`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * What the site export dialog remembers between exports, per posts folder: the site's name and
 * address, and the output folder the author last chose to export beside their own files in (only
 * that folder is exported into so again without asking: another one, their Documents, is refused).
 */
export interface SiteDetails {
  siteTitle: string;
  siteUrl: string;
  /** The output folder (as typed, or as the picker showed it) last exported beside the author's files there, or ''. */
  keepOtherFilesIn: string;
}

/** The localStorage key the sites' details live under (an object keyed by posts folder). */
export const SITE_DETAILS_KEY = 'postwright.site';

/** Every folder's remembered details, as stored (anything unreadable is nothing). */
function storedSites(storage: Pick<Storage, 'getItem'> | null): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(storage?.getItem(SITE_DETAILS_KEY) ?? 'null');
  } catch {
    value = null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The details the blog in `folder` was last exported with, from `storage` (empty when none, or unreadable). */
export function loadSiteDetails(storage: Pick<Storage, 'getItem'> | null, folder: string | null): SiteDetails {
  const value = storedSites(storage)[folder ?? ''];
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: string): string => {
    const found = record[key];
    return typeof found === 'string' ? found.slice(0, 2048) : '';
  };
  return {
    siteTitle: text('siteTitle').slice(0, 200),
    siteUrl: text('siteUrl'),
    keepOtherFilesIn: text('keepOtherFilesIn'),
  };
}

/** Remembers `details` for the blog in `folder`'s next export (a full or refused storage only forgets them). */
export function saveSiteDetails(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  folder: string | null,
  details: SiteDetails,
): void {
  try {
    storage?.setItem(SITE_DETAILS_KEY, JSON.stringify({ ...storedSites(storage), [folder ?? '']: details }));
  } catch {
    // Private mode or a full quota: the next export starts empty, nothing else is lost.
  }
}
