/** The application shell: wires the backend, the hooks and the three areas together. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { TITLE_KEYS, textField } from '../../shared/api/fields';
import type { BlogEvents } from '../../shared/api/events';
import { LANGUAGE_SAMPLE, pageLanguage } from '../../shared/markdown/lang';
import { getBackend } from '../api/client';
import { useBlogEvents } from '../hooks/useBlogEvents';
import { useEditor } from '../hooks/useEditor';
import { useExport } from '../hooks/useExport';
import { requestFind } from '../hooks/findRequests';
import { useAutosave } from '../hooks/useAutosave';
import { useGuard } from '../hooks/useGuard';
import { useJournal } from '../hooks/useJournal';
import { useKeepCaret } from '../hooks/useKeepCaret';
import { usePosts } from '../hooks/usePosts';
import { SuggestionsProvider } from '../hooks/useSuggestions';
import {
  useBeforeUnload,
  useCloseRequests,
  useDocumentTitle,
  useEditedMark,
  useSaveShortcut,
} from '../hooks/useWindowEffects';
import { prepareWhenQuiet } from '../preview/previewWorker';
import { threadTimers } from '../preview/typing';
import { isDirty, replacedText, statusText, type EditorState } from '../state/editor';
import { frontMatterViewStore } from '../state/frontMatterView';
import { useSettings } from '../state/settings';
import { EditorView } from './EditorView';
import { DeleteDialog } from './DeleteDialog';
import { ExportBar } from './ExportBar';
import { NewPostDialog } from './NewPostDialog';
import { PostActions } from './PostActions';
import { RestoreDialog } from './RestoreDialog';
import { SettingsDialog, useAppliedTheme } from './SettingsDialog';
import { Sidebar } from './Sidebar';
import { undoOrRedo } from '../preview/editHistory';
import { StatusBar, type Announcement } from './StatusBar';
import { UnsavedDialog } from './UnsavedDialog';
import { WritingTools } from './WritingTools';
import { WritingPanel } from './WritingPanel';

/** A text field of the open post's front matter, as the form holds it now (none when the block does not parse). */
function fieldText(state: EditorState, key: string): string | null {
  if (state.doc?.frontMatter.error !== undefined) return null;
  const value = state.frontMatter?.fields.find((field) => field.key === key)?.value;
  return typeof value === 'string' ? value : null;
}

function tone(state: EditorState): 'quiet' | 'dirty' | 'busy' | 'error' {
  if (state.saving !== null) return 'busy';
  if (state.conflict || state.error !== null) return 'error';
  return isDirty(state) ? 'dirty' : 'quiet';
}

/** How long another post's read may take before the status bar says it is opening. */
const SLOW_OPENING_MS = 400;

/** The whole window. */
export function App(): React.JSX.Element {
  const { api, events, desktop } = getBackend();
  const posts = usePosts(api);
  const editor = useEditor(api);
  const journal = useJournal(api, editor);
  const { state, current } = editor;
  const dirty = isDirty(state);
  const guard = useGuard(
    useCallback(() => isDirty(current()), [current]),
    journal.save,
  );
  const [settings] = useSettings();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // Said once through the status bar's live region; the same words again are a new announcement.
  const announce = useCallback(
    (text: string) => setAnnouncement((last) => ({ text, count: (last?.count ?? 0) + 1 })),
    [],
  );
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const [restoreLater, setRestoreLater] = useState(false);
  const reminder = useRef<HTMLButtonElement>(null);
  const readDisk = useCallback((id: string) => api.readPost(id), [api]);
  const takeTheirs = async (): Promise<void> => {
    // Mine is kept apart and offered by the reminder, not by a prompt over the editor; if it
    // cannot be kept, it is not dropped either.
    const refused = await journal.keepNow();
    if (refused !== null) {
      const message = `Your version could not be set aside, so it stays in the editor: ${refused.message}`;
      editor.dispatch({ type: 'failed', error: { ...refused, message } });
      return;
    }
    setRestoreLater(true);
    await editor.reloadFromDisk();
  };
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // After a delete, the list's own tab stop takes the focus once the list without the post is on
  // the page (not before: the post's own row would take it, and lose it as it goes), where the
  // writer chooses what to open next.
  const deleted = useRef<string | null>(null);
  useEffect(() => {
    const id = deleted.current;
    if (id === null || posts.posts.some((post) => post.id === id)) return;
    deleted.current = null;
    // An empty list has no row: the search box, at the top of the same list, takes it then.
    const row = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Posts"] [tabindex="0"]');
    (row ?? document.querySelector<HTMLElement>('nav[aria-label="Posts folder"] input[type="search"]'))?.focus();
  }, [posts.posts]);
  const exporter = useExport({ api, desktop, postId: state.doc?.id ?? null, dirty });
  const [focusRequest, setFocusRequest] = useState(0);

  // Once the list is shown and the author pauses, the preview's worker loads for the first post.
  const listed = !posts.loading;
  useEffect(() => {
    if (!listed || typeof window.requestIdleCallback !== 'function') return;
    return prepareWhenQuiet({
      target: window,
      timers: threadTimers,
      whenIdle: (run) => {
        const handle = window.requestIdleCallback(run, { timeout: 1000 });
        return () => window.cancelIdleCallback(handle);
      },
    });
  }, [listed]);

  // Another post being read: said in the status bar only when the read is slow, so a quick switch
  // does not flash (nor have a screen reader announce) "Opening…".
  const [slowOpening, setSlowOpening] = useState<string | null>(null);
  const switching = state.doc !== null && state.opening !== null && state.opening !== state.doc.id;
  useEffect(() => {
    if (!switching) return;
    const id = state.opening;
    const timer = window.setTimeout(() => setSlowOpening(id), SLOW_OPENING_MS);
    return () => {
      window.clearTimeout(timer);
      // Forgotten once that read ends: switching back to the same post later starts the wait again.
      setSlowOpening(null);
    };
  }, [switching, state.opening]);

  const slowSwitch = switching && slowOpening === state.opening;

  const openId = state.opening ?? state.doc?.id ?? null;
  const summary = posts.posts.find((post) => post.id === state.doc?.id);
  // The post's own title as the export reads it (any case, empty is none), else the list's.
  const fields = state.doc?.frontMatter.error === undefined ? state.frontMatter?.fields : undefined;
  const ownTitle = fields === undefined ? undefined : textField(fields, TITLE_KEYS);
  const title = state.doc === null ? null : (ownTitle ?? summary?.title ?? state.doc.id);
  // The preview's language and direction, as the exported page's (its text read again when typing pauses).
  const postId = state.doc?.id;
  // Only the text's opening is read: a 1 MB post is not copied whole at each pause.
  const language = useMemo(
    () =>
      postId === undefined
        ? undefined
        : pageLanguage(fields ?? [], postId, `${title ?? ''}\n${state.body.slice(0, LANGUAGE_SAMPLE)}`),
    [fields, postId, title, state.body],
  );

  // The text under the caret replaced by the file's new version (no edits of the author's were in
  // the way) is said, once: a screen reader's place in the text changed without a word (review 24a).
  const reloads = state.reloadedFromDisk ?? 0;
  const offered = replacedText(state) !== null;
  const lastReloads = useRef(reloads);
  useEffect(() => {
    if (reloads > lastReloads.current) {
      announce(
        offered
          ? 'The post changed on disk and was read again. Your text can be brought back from the note above it.'
          : 'The post changed on disk and was read again.',
      );
    }
    lastReloads.current = reloads;
  }, [reloads, offered, announce]);

  const save = async (force?: boolean): Promise<void> => {
    const before = current().doc?.version;
    // A post deleted on disk is written back by Save (Ctrl+S, the menu), as by its banner's "Save again",
    // when it holds edits: a reflexive Ctrl+S after a \`git rm\` or a rename on disk does not bring
    // back an unedited file (review 23b); the banner's "Save again" still does.
    const now = current();
    await journal.save(force ?? (now.goneOnDisk && isDirty(now)));
    const after = current();
    if (after.doc?.version !== before) void posts.refresh();
    // Heard once, when asked for (the status bar itself is not spoken): a failure has its alert banner,
    // and a post opened read-only is never written (review 25: "Saved" was heard for it).
    if (after.doc !== null && after.doc.id === now.doc?.id && after.doc.readOnly !== undefined)
      announce('Read-only: nothing was saved.');
    else if (
      after.doc?.id === now.doc?.id &&
      after.error === null &&
      !after.conflict &&
      !after.goneOnDisk &&
      !isDirty(after)
    )
      announce('Saved');
  };
  // Stable, so the memoised sidebar does not re-render on every keystroke.
  const { guard: ask } = guard;
  const { open } = editor;
  const openPost = useCallback(
    (id: string): void => {
      // The post shown is asked for again while another is being read (clicked away and straight
      // back): it is read again, and the other's read, when it lands, is not shown.
      const { doc, opening } = current();
      if (id !== doc?.id || (opening !== null && opening !== id)) ask(() => void open(id));
    },
    [ask, current, open],
  );
  const newPost = useCallback((): void => ask(() => setCreating(true)), [ask]);
  const create = async (postTitle: string): Promise<ApiError | null> => {
    const error = await editor.create(postTitle);
    if (error === null) {
      setCreating(false);
      // A new post shows its fields, whatever the session chose for the others.
      frontMatterViewStore().showFor(current().generation);
      setFocusRequest((n) => n + 1);
      void posts.refresh();
    }
    return error;
  };
  const deletePost = async (): Promise<ApiError | null> => {
    const id = current().doc?.id;
    if (id === undefined) return null;
    const result = await api.deletePost(id);
    if (!result.ok) return result.error;
    setDeleting(false);
    // Closed first, so no journal write of its edits is still to come when the journal forgets them.
    editor.close();
    deleted.current = id;
    await journal.discard(id);
    await posts.refresh();
    return null;
  };
  const emptyFolder = !posts.loading && posts.error === null && posts.posts.length === 0;
  const openExternal = (url: string): void => {
    if (desktop !== null) void desktop.openExternal(url);
    else window.open(url, '_blank', 'noopener,noreferrer');
  };

  const onMenu = ({ command }: BlogEvents['menuCommand']): void => {
    if (command === 'save') void save();
    else if (command === 'newPost') newPost();
    else if (command === 'toggleRaw') {
      const mode = current().frontMatter?.mode === 'raw' ? 'fields' : 'raw';
      editor.dispatch({ type: 'setMode', mode });
    } else if (command === 'openFolder' && desktop !== null) {
      guard.guard(
        () =>
          void desktop.openFolder().then((opened) => {
            // No folder opened (the picker was cancelled): the post stays, and "Don't save" forgot its journal.
            if (!opened.ok || opened.value === null) journal.journalNow();
          }),
      );
    } else if (command === 'exportHtml') exporter.exportHtml();
    else if (command === 'deletePost') {
      // Asked as the button asks: only for an open post Postwright may write.
      const doc = current().doc;
      if (doc !== null && doc.readOnly === undefined) setDeleting(true);
    } else if (command === 'undo' || command === 'redo') undoOrRedo(command);
    else if (command === 'find' || command === 'replace') requestFind(command);
    else if (command === 'findNext') requestFind('next');
    else if (command === 'findPrevious') requestFind('previous');
  };
  const onPostsChanged = (change: BlogEvents['postsChanged']): void => {
    void posts.refresh();
    const id = current().doc?.id;
    const all = [...change.added, ...change.changed, ...change.removed];
    // An empty change means "something may have happened while we were not listening".
    if (id !== undefined && (all.length === 0 || all.includes(id))) void editor.checkDisk();
  };
  useBlogEvents(events, {
    postsChanged: onPostsChanged,
    menuCommand: onMenu,
    workspaceChanged: () => {
      editor.close();
      void posts.refresh();
    },
  });
  useSaveShortcut(() => void save());
  useDocumentTitle(title, dirty);
  useBeforeUnload(dirty);
  // The desktop window asks before closing or quitting; the journal is forgotten once the edits are settled.
  const closing = useCloseRequests(desktop, {
    isDirty: () => isDirty(current()),
    save: () => journal.save(),
    forget: async () => {
      const id = current().doc?.id;
      if (id !== undefined) await journal.discard(id);
    },
  });
  useEditedMark(desktop, dirty);
  useAutosave(settings.autosave, state, journal.save);
  useKeepCaret(state.doc?.id ?? null, state.generation);
  useAppliedTheme();

  return (
    <div className="app">
      <Sidebar
        folderName={posts.workspace?.name ?? null}
        posts={posts.posts}
        loading={posts.loading}
        error={posts.error}
        openId={openId}
        onOpen={openPost}
        onNewPost={newPost}
        onSettings={openSettings}
        onShortcuts={openHelp}
      />
      <SuggestionsProvider posts={posts.posts}>
        <EditorView
          editor={editor}
          title={title}
          titled={ownTitle !== undefined}
          date={fieldText(state, 'date') ?? summary?.date ?? null}
          language={language}
          focusRequest={focusRequest}
          emptyFolder={emptyFolder}
          onSave={(force) => void save(force)}
          onNewPost={newPost}
          onOpenPost={openPost}
          onOpenExternal={openExternal}
          onTakeTheirs={() => void takeTheirs()}
          journalProblem={journal.problem?.id === state.doc?.id ? (journal.problem?.message ?? null) : null}
          readDisk={readDisk}
          toolbar={
            <div className="top-bar">
              <PostActions
                api={api}
                doc={state.doc}
                title={ownTitle ?? ''}
                dirty={dirty}
                dispatch={editor.dispatch}
                onRenamed={(from, renamed) => {
                  posts.renamed(from, renamed.id);
                  void posts.refresh();
                  void journal.renamed(from, renamed.id);
                }}
                onAskDelete={() => setDeleting(true)}
              />
              <ExportBar
                exporter={exporter}
                api={api}
                events={events}
                desktop={desktop}
                folder={posts.workspace?.root ?? null}
                emptyFolder={emptyFolder}
              />
            </div>
          }
          writing={<WritingPanel api={api} editor={editor} posts={posts.posts} />}
        />
      </SuggestionsProvider>
      {/* The window's footer: the status, and the tools beside it (Focus mode was outside every landmark, review 24a). */}
      <footer className="status-row">
        <StatusBar
          status={slowSwitch ? 'Opening…' : statusText(state)}
          tone={slowSwitch ? 'busy' : tone(state)}
          body={state.doc === null ? null : state.body}
          fileId={state.doc?.id ?? null}
          lineEnding={state.doc?.lineEnding ?? null}
          announcement={announcement}
        />
        {journal.entries.length > 0 && restoreLater ? (
          <button
            type="button"
            ref={reminder}
            className="status-action restore-reminder"
            onClick={() => setRestoreLater(false)}
          >
            Unsaved work to restore ({journal.entries.length})
          </button>
        ) : null}
        <WritingTools posts={posts.posts} onOpen={openPost} help={helpOpen} onHelp={setHelpOpen} />
      </footer>
      {closing.reason !== null ? (
        <UnsavedDialog
          postTitle={title ?? 'This post'}
          reason={closing.reason}
          onSave={() => closing.choose('save')}
          onDiscard={() => closing.choose('discard')}
          onCancel={() => closing.choose('cancel')}
        />
      ) : null}
      {guard.asking ? (
        <UnsavedDialog
          postTitle={title ?? 'This post'}
          onSave={() => void guard.saveThenContinue()}
          onDiscard={() => {
            const id = current().doc?.id;
            if (id !== undefined) void journal.discard(id);
            guard.discardThenContinue();
          }}
          onCancel={guard.cancel}
        />
      ) : null}
      {creating ? (
        <NewPostDialog
          onCreate={create}
          posts={posts.posts}
          onOpen={(id) => {
            setCreating(false);
            // The author already chose about this post's edits when the dialog opened.
            if (id !== current().doc?.id) void open(id);
            else journal.journalNow();
          }}
          onCancel={() => {
            setCreating(false);
            // "Don't save" forgot the journal, but no post replaced this one: its edits are journalled again.
            journal.journalNow();
          }}
        />
      ) : null}
      {deleting && state.doc !== null ? (
        <DeleteDialog
          postTitle={title ?? state.doc.id}
          fileId={state.doc.id}
          trash={desktop === null ? 'the .postwright-trash folder inside the posts folder' : 'the trash'}
          dirty={dirty}
          onDelete={deletePost}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      {journal.entries.length > 0 && !restoreLater ? (
        <RestoreDialog
          entries={journal.entries}
          readDisk={readDisk}
          onRestore={(entry) => {
            setRestoreLater(true);
            ask(
              () =>
                void journal.restore(entry).then((restored) => {
                  // Not restored: the post on screen stays, and a "Don't save" before forgot its journal.
                  if (!restored) journal.journalNow();
                  // Restored as a new post (its file was gone): list it.
                  else if (current().doc?.id !== entry.id) void posts.refresh();
                }),
            );
          }}
          onDiscard={journal.discardEntry}
          onLater={() => {
            setRestoreLater(true);
            // Asked at start-up, the dialog had nothing to give the focus back to (review 24a: it fell
            // to the page): the reminder that brings the dialog back takes it.
            requestAnimationFrame(() => {
              if (document.activeElement === null || document.activeElement === document.body)
                reminder.current?.focus();
            });
          }}
        />
      ) : null}
    </div>
  );
}
