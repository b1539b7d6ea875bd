/** The editor column: alerts, the front-matter panel, and the Markdown editor beside its preview. */
import { useEffect, useRef, useState } from 'react';
import { markdownArea } from '../hooks/useMatchHighlight';
import { useScrollSync } from '../hooks/useScrollSync';
import { useSettings } from '../state/settings';
import type { PostDoc, Result } from '../../shared/api/contract';
import type { EditorControls } from '../hooks/useEditor';
import { fieldClashes, frontMatterChange } from '../state/frontMatter';
import { replacedFrontMatterStays, replacedText } from '../state/editor';
import { ErrorBanner } from './Banner';
import { DeletedBanner, DiskChangeBanner, ReplacedBanner } from './DiskChangeBanner';
import { FindInPost } from './FindInPost';
import { FrontMatterPanel } from './FrontMatterPanel';
import { MarkdownPane } from './MarkdownPane';
import { PreviewWarningsProvider } from './PreviewWarnings';
import type { PageLanguage } from '../../shared/markdown/lang';
import { Preview } from './Preview';

/** Props of the editor column. */
export interface EditorViewProps {
  editor: EditorControls;
  title: string | null;
  /** Whether the front matter names the title (the preview's title rule, shared/markdown/title.ts). */
  titled: boolean;
  date: string | null;
  /** The post's language and direction (shared/markdown/lang.ts), for the preview. */
  language?: PageLanguage | undefined;
  focusRequest: number;
  /** The folder has no posts at all (the list is read and empty). */
  emptyFolder: boolean;
  onSave: (force: boolean) => void;
  onNewPost: () => void;
  onOpenPost: (id: string) => void;
  onOpenExternal: (url: string) => void;
  /** Drops the edits for the version on disk (the caller journals them first, so it can be undone). */
  onTakeTheirs: () => void;
  /** Why the open post's unsaved edits are not being journalled (they would not survive a crash), or null. */
  journalProblem?: string | null;
  /** Reads a post's file as it is on disk now, for the compare view. */
  readDisk: (id: string) => Promise<Result<PostDoc>>;
  /** Actions shown above the post (export). */
  toolbar?: React.ReactNode;
  /** Writing tools shown under the front matter (path, rename, hints). */
  writing?: React.ReactNode;
}

/** Everything about the open post, or a calm invitation when none is open. */
export function EditorView(props: EditorViewProps): React.JSX.Element {
  const { editor, title, titled, date, focusRequest, emptyFolder, onSave, onNewPost, onOpenPost, onOpenExternal } =
    props;
  const { state, dispatch } = editor;
  const { doc, frontMatter } = state;
  const preview = useRef<HTMLElement>(null);
  const panes = useRef<HTMLDivElement>(null);
  const [settings] = useSettings();
  const sync = useScrollSync(settings.scrollSync && state.doc !== null, panes, preview);
  // A banner about the disk settled (Keep mine, Take theirs, Save again) takes its focused button
  // with it: the focus goes back to the text, not to the page (review 23b).
  const [refocus, setRefocus] = useState(0);
  // Whether the writer is working in the front matter (a short window gives it room then).
  const [inForm, setInForm] = useState(false);
  const replaced = replacedText(state);
  const alerted = state.conflict || state.changedOnDisk || state.goneOnDisk || replaced !== null;
  const wasAlerted = useRef(alerted);
  useEffect(() => {
    const active = document.activeElement;
    if (wasAlerted.current && !alerted && (active === null || active === document.body)) setRefocus((n) => n + 1);
    wasAlerted.current = alerted;
  }, [alerted]);
  const alerts = (
    <>
      {props.toolbar}
      {state.goneOnDisk && doc !== null ? (
        <DeletedBanner
          busy={state.saving !== null}
          problem={state.error?.message ?? null}
          onSaveAgain={() => onSave(true)}
        />
      ) : null}
      {props.journalProblem != null ? (
        // Shown until a journal write succeeds again, saved or not: announced once, not at every save.
        <div className="banner banner-warning" role="alert">
          <div className="banner-text">
            <strong>Unsaved edits of this post are not being kept for recovery.</strong>{' '}
            <span>{props.journalProblem} Save often: if the app closes, edits not yet saved are lost.</span>
          </div>
        </div>
      ) : null}
      {(state.conflict || state.changedOnDisk) && doc !== null && frontMatter !== null ? (
        <DiskChangeBanner
          refused={state.conflict}
          busy={state.saving !== null}
          mine={state.body}
          textEdited={state.body !== doc.body}
          frontMatterEdited={frontMatterChange(frontMatter).kind !== 'none'}
          clashesWith={(disk) => fieldClashes(frontMatter, disk)}
          readDisk={() => props.readDisk(doc.id)}
          onTakeTheirs={props.onTakeTheirs}
          onKeepMine={(shown) => {
            // Over the version Compare showed, if any: the save is refused should the file change again.
            if (shown !== undefined) dispatch({ type: 'seenOnDisk', version: shown });
            onSave(shown === undefined);
          }}
        />
      ) : null}
      {replaced === null ? null : (
        <ReplacedBanner
          frontMatterStays={replacedFrontMatterStays(state)}
          autosave={settings.autosave}
          onBringBack={() => {
            // The text is focused first, as it is when a reading replaces it: its caret then stays put
            // (hooks/useKeepCaret.ts), where a textarea given a new text while unfocused loses it.
            markdownArea()?.focus();
            dispatch({ type: 'bringBackReplaced' });
          }}
          onDismiss={() => dispatch({ type: 'dismissReplaced' })}
        />
      )}
      {state.error === null || state.goneOnDisk ? null : (
        <ErrorBanner error={state.error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      )}
    </>
  );

  if (doc === null || frontMatter === null) {
    return (
      <main className="editor-column">
        {alerts}
        <div className="empty-state">
          <p className="empty-title">
            {state.opening !== null
              ? 'Opening…'
              : emptyFolder
                ? 'No posts in this folder yet'
                : 'Choose a post to edit'}
          </p>
          <p className="empty-text">{emptyFolder ? 'Start the first one.' : 'Or start something new.'}</p>
          <button type="button" className="button primary" onClick={onNewPost}>
            New post
          </button>
        </div>
      </main>
    );
  }

  const readOnly = doc.readOnly !== undefined;
  return (
    <PreviewWarningsProvider>
      <main
        className={inForm ? 'editor-column in-form' : 'editor-column'}
        aria-busy={state.opening !== null}
        onFocus={(event) => {
          // The writer is in the form from a field or the path tools until they go to the text or the
          // preview: a toolbar button or a link clicked on the way does not end it (styles.css, short windows).
          const target = event.target;
          if (target.closest('.frontmatter, .path-tools') !== null) setInForm(true);
          else if (target.closest('.markdown-pane textarea, .preview') !== null) setInForm(false);
        }}
      >
        {alerts}
        {readOnly ? (
          <div className="banner banner-info" role="note">
            <div className="banner-text">
              <strong>Open read-only.</strong> <span>{doc.readOnly}</span>
            </div>
          </div>
        ) : null}
        <FrontMatterPanel
          draft={frontMatter}
          generation={state.generation}
          readOnly={readOnly}
          modeNote={state.modeNote}
          dispatch={dispatch}
        />
        {props.writing}
        <FindInPost
          text={editor.text}
          readOnly={readOnly ? (doc.readOnly ?? null) : state.opening !== null ? 'another post is opening.' : null}
        />
        <div className="panes" ref={panes}>
          <MarkdownPane
            value={state.body}
            generation={state.generation}
            text={editor.text}
            // While another post is read, keys would go into this one's text and be replaced when it arrives.
            readOnly={readOnly || state.opening !== null}
            focusRequest={focusRequest + refocus}
            onType={editor.typeBody}
          />
          <Preview
            scrollRef={preview}
            postId={doc.id}
            text={editor.text}
            title={title}
            titled={titled}
            date={date}
            language={props.language}
            onOpenPost={onOpenPost}
            onOpenExternal={onOpenExternal}
            onRendered={sync.onPreviewRendered}
          />
        </div>
      </main>
    </PreviewWarningsProvider>
  );
}
