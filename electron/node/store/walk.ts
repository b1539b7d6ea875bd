/**
 * Finding the posts in a folder tree: Markdown files only, skipping hidden entries (.git, the
 * trash, editors' temporary and lock files), node_modules, and symbolically linked folders, which
 * could lead outside the posts folder or loop.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { idProblem, isMarkdownName } from '../../../shared/api/ids';
import { timeSlices, type TimeSlices } from './limit';

/** How deep the walk descends; deeper trees are not blogs. */
export const MAX_DEPTH = 32;

/** Whether a folder or file name is one the walk (and the watcher) never looks into. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** A Markdown file found by the walk. */
export interface PostFile {
  /** Its id: `/`-separated, NFC. */
  id: string;
  /** Its path below the root as named on disk (`/`-separated; may differ from the id in normalisation). */
  rel: string;
  /** Whether the entry is a symbolic link rather than a regular file. */
  link: boolean;
  /**
   * Whether another file or folder on its path has the same name in another Unicode form (`café`
   * written composed and decomposed, which Linux keeps apart): its id names both, so it is never
   * read or written directly (locatePost refuses it with the reason).
   */
  ambiguous?: true;
}

/** The ids (`/`-separated, NFC) of every Markdown file below `root`. Throws if `root` is unreadable. */
export async function walkPosts(root: string): Promise<string[]> {
  return (await walkPostFiles(root)).map((file) => file.id);
}

/**
 * Every Markdown file below `root`, with how it is named on disk. Throws if `root` is unreadable.
 * Each folder is read synchronously (one call either way: 20 folders of 500 posts were listed ~40 ms
 * sooner than through the thread pool, which the walk mostly waited on), and between folders the
 * event loop turns every few milliseconds, so a tree of 50,000 posts never holds it in one block.
 */
export async function walkPostFiles(root: string): Promise<PostFile[]> {
  const files: PostFile[] = [];
  await visit(root, '', '', 0, files, readdirSync(root, { withFileTypes: true }), false, timeSlices());
  // Two names of one id are listed once, as that id.
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.id) && seen.add(file.id));
}

/** The names of `entries` that share their NFC form with another entry. */
function clashingNames(entries: readonly Dirent[]): Set<string> {
  const byForm = new Map<string, number>();
  const forms = entries.map((entry) => nfc(entry.name));
  for (const form of forms) byForm.set(form, (byForm.get(form) ?? 0) + 1);
  return new Set(entries.filter((_, index) => (byForm.get(forms[index] ?? '') ?? 0) > 1).map((e) => e.name));
}

/** `name` in NFC; an ASCII name (most are) is its own NFC form, and is not normalised again. */
function nfc(name: string): string {
  return ASCII.test(name) ? name : name.normalize('NFC');
}

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII = /^[\x00-\x7f]*$/;

async function visit(
  folder: string,
  prefix: string,
  relPrefix: string,
  depth: number,
  files: PostFile[],
  entries: Dirent[],
  ambiguous: boolean,
  slices: TimeSlices,
): Promise<void> {
  const clashing = clashingNames(entries);
  for (const entry of entries) {
    const unclear = ambiguous || clashing.has(entry.name);
    if (isSkippedName(entry.name)) continue;
    const id = prefix + nfc(entry.name);
    const rel = relPrefix + entry.name;
    if (entry.isDirectory()) {
      if (depth >= MAX_DEPTH) continue;
      const sub = path.join(folder, entry.name);
      // An unreadable subfolder hides its posts but must not hide the rest of the blog.
      if (slices.due()) await slices.pause();
      const children = readFolder(sub);
      if (children !== null) await visit(sub, `${id}/`, `${rel}/`, depth + 1, files, children, unclear, slices);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isMarkdownName(entry.name)) {
      files.push(unclear ? { id, rel, link: !entry.isFile(), ambiguous: true } : { id, rel, link: !entry.isFile() });
    }
  }
}

/** A subfolder's entries, or null when it cannot be read. */
function readFolder(folder: string): Dirent[] | null {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return null;
  }
}

/**
 * The walk never enters linked folders and `root` is real, so a regular file it found is its own
 * real path: read directly (O_NOFOLLOW, so a file swapped for a link since is refused, not
 * followed). Links, refused names and ambiguous ones take the full path through locatePost.
 */
export function directPath(root: string, file: PostFile): string | null {
  return file.link || file.ambiguous === true || idProblem(file.id) !== null ? null : onDiskPath(root, file);
}

/** Where a file the walk found is on disk, below `root` (link or not). */
export function onDiskPath(root: string, file: PostFile): string {
  // The names came from readdir (no empty, "." or ".." segment): joined as they are, which for 10,000
  // posts saves the second opening ~10% over path.join's normalising.
  const rel = path.sep === '/' ? file.rel : file.rel.split('/').join(path.sep);
  return root.endsWith(path.sep) ? root + rel : root + path.sep + rel;
}
