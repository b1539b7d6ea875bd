/**
 * A second opening shows the list the index remembers at once, then checks it. Checking means an
 * `lstat` of every post (10,000: ~0.15 s here, the most of a second opening); the first listing of a
 * folder in this process answers from the index alone, the full listing runs right behind it, and
 * what it finds different (posts edited, added or deleted while the app was closed, including an
 * edit whose time was set back, which only the file's change time shows) goes out as a change, as
 * the watcher's do: the page lists again and looks at its open post. Every later listing is the full one.
 */
import { ok, type BlogApi, type PostSummary } from '../../shared/api/contract';
import { indexWritesDone } from './store/index-cache';
import { anythingChanged, namesAny, sorted, type FolderChanges } from './watcher';

/** The API with its first listing answered from memory, and the check behind it. */
export interface RememberedFirst {
  api: BlogApi;
  /**
   * Settles once the check behind a remembered listing is done and the index file it updated is
   * written (at once when there is none), so stopping or quitting does not cut that write.
   */
  checked: () => Promise<void>;
}

/** `inner`, whose first listing is the remembered one (when there is one), checked right after. */
export function rememberedFirst(
  inner: BlogApi,
  remembered: () => Promise<PostSummary[] | null>,
  onChange: (changes: FolderChanges) => void,
): RememberedFirst {
  let first = true;
  let checking: Promise<void> = Promise.resolve();
  const api: BlogApi = {
    ...inner,
    listPosts: async () => {
      if (!first) return inner.listPosts();
      first = false;
      const shown = await remembered().catch(() => null);
      if (shown === null) return inner.listPosts();
      checking = inner
        .listPosts()
        .then(
          (fresh) => {
            // A folder that can no longer be listed: "anything may have changed", and the page's own
            // listing then says what is wrong.
            if (!fresh.ok) onChange(anythingChanged());
            else {
              const changes = differences(shown, fresh.value);
              if (namesAny(changes)) onChange(changes);
            }
          },
          () => onChange(anythingChanged()),
        )
        .then(indexWritesDone)
        .catch(() => undefined);
      return ok(shown);
    },
  };
  return { api, checked: () => checking };
}

/** The posts of `after` added, changed or removed since `before` (sorted ids). */
export function differences(before: readonly PostSummary[], after: readonly PostSummary[]): FolderChanges {
  const old = new Map(before.map((post) => [post.id, post]));
  const changes = anythingChanged();
  for (const post of after) {
    const was = old.get(post.id);
    old.delete(post.id);
    // An unchanged file's summary is the very object the index remembered.
    if (was === undefined) changes.added.push(post.id);
    else if (was !== post && JSON.stringify(was) !== JSON.stringify(post)) changes.changed.push(post.id);
  }
  changes.removed = [...old.keys()];
  return sorted(changes);
}
