/**
 * Finding the posts in a folder tree: Markdown files only, skipping hidden entries (.git, the
 * trash, editors' temporary and lock files), node_modules, and symbolically linked folders, which
 * could lead outside the posts folder or loop.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMarkdownName } from '../../../shared/api/ids';

/** How deep the walk descends; deeper trees are not blogs. */
export const MAX_DEPTH = 32;

/** Whether a folder or file name is one the walk (and the watcher) never looks into. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The ids (`/`-separated, NFC) of every Markdown file below `root`. Throws if `root` is unreadable. */
export async function walkPosts(root: string): Promise<string[]> {
  const ids: string[] = [];
  await visit(root, '', 0, ids, await readdir(root, { withFileTypes: true }));
  return ids;
}

async function visit(folder: string, prefix: string, depth: number, ids: string[], entries: Dirent[]): Promise<void> {
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const id = prefix + entry.name.normalize('NFC');
    if (entry.isDirectory()) {
      if (depth >= MAX_DEPTH) continue;
      const sub = path.join(folder, entry.name);
      // An unreadable subfolder hides its posts but must not hide the rest of the blog.
      const children = await readdir(sub, { withFileTypes: true }).catch(() => null);
      if (children !== null) await visit(sub, `${id}/`, depth + 1, ids, children);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isMarkdownName(entry.name)) {
      ids.push(id);
    }
  }
}
