/** The posts folder and its list, refreshed on demand (after saves and changes on disk). */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  fail,
  type ApiError,
  type BlogApi,
  type PostSummary,
  type Result,
  type Workspace,
} from '../../shared/api/contract';
import { readResult } from '../api/http';

declare global {
  interface Window {
    /** Browser mode's first `listPosts`, asked for while the app's code loaded (renderer/public/boot.js). */
    postwrightEarlyList?: Promise<Response>;
  }
}

/** The early listing, once: a later refresh must see the folder as it is then. */
function takeEarlyList(): Promise<Result<PostSummary[]>> | null {
  const early = window.postwrightEarlyList;
  if (early === undefined) return null;
  window.postwrightEarlyList = undefined;
  return early.then(
    // The same shape check as every other answer of the HTTP client (renderer/api/http.ts).
    (response) => readResult(response) as Promise<Result<PostSummary[]>>,
    () =>
      fail('IO', 'Could not reach the Postwright server.', 'Check that the server is still running, then try again.'),
  );
}

/** The list as the sidebar shows it. */
export interface PostsState {
  workspace: Workspace | null;
  posts: PostSummary[];
  /** Still waiting for the first answer. */
  loading: boolean;
  error: ApiError | null;
  refresh: () => Promise<void>;
  /**
   * A post renamed here takes its new id in the list at once, in the render that shows it renamed:
   * until the refresh lands, the list's old entry would be another post with its path (review 24a:
   * "Another post already uses this path", naming itself, flashed as an alert after every rename).
   */
  renamed: (from: string, to: string) => void;
}

/** Loads the workspace and its posts, and reloads them when asked. */
export function usePosts(api: BlogApi): PostsState {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  // Bursts of change events start overlapping refreshes; only the newest may land.
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    const current = (): boolean => mine === generation.current;
    const ws = api.getWorkspace();
    // The list is shown as soon as it is here: the workspace's answer (the folder's name) can wait
    // behind the server writing its index file, and the list need not wait for it.
    const listed = (takeEarlyList() ?? api.listPosts()).then((list) => {
      if (!current()) return list;
      if (list.ok) setPosts(list.value);
      else setError(list.error);
      setLoading(false);
      return list;
    });
    return Promise.all([ws, listed]).then(([ws, list]) => {
      if (!current()) return;
      if (ws.ok) setWorkspace(ws.value);
      setError(!list.ok ? list.error : !ws.ok ? ws.error : null);
    });
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const renamed = useCallback((from: string, to: string) => {
    setPosts((list) => list.map((post) => (post.id === from ? { ...post, id: to } : post)));
  }, []);

  return useMemo(
    () => ({ workspace, posts, loading, error, refresh, renamed }),
    [workspace, posts, loading, error, refresh, renamed],
  );
}
