/** Real paths of places that may not exist yet (an output folder, a page about to be written). */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** The real path of `abs`, which may not exist yet: its nearest existing folder's, with the rest joined on. */
export async function realPathOf(abs: string): Promise<string> {
  try {
    return await realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await realPathOf(parent), path.basename(abs));
  }
}
