/** Banners for the open post changing or vanishing on disk while it is open. */
import { useRef, useState } from 'react';
import type { FrontMatterInfo, PostDoc, Result } from '../../shared/api/contract';
import type { FieldClash } from '../state/frontMatter';
import { CompareView } from './CompareView';

/** Props of the changed-on-disk banner. */
export interface DiskChangeBannerProps {
  /** True after a refused save; false when the change on disk was noticed first. */
  refused: boolean;
  busy: boolean;
  mine: string;
  /** Whether the author edited the text (else Keep mine keeps the text on disk). */
  textEdited?: boolean;
  frontMatterEdited: boolean;
  /** The front-matter fields the author changed that this version on disk changed too. */
  clashesWith?: (disk: FrontMatterInfo) => FieldClash[];
  readDisk: () => Promise<Result<PostDoc>>;
  /**
   * Saves the author's text: over whatever is on disk, or, given the version the author was shown
   * in Compare, over that version only (a save refused if the file changed again since).
   */
  onKeepMine: (shownVersion?: string) => void;
  onTakeTheirs: () => void;
}

/** "This post changed on disk": keep mine, take theirs (yours stay in the journal), or compare. */
export function DiskChangeBanner(props: DiskChangeBannerProps): React.JSX.Element {
  const { refused, busy, mine, frontMatterEdited, clashesWith, readDisk, onKeepMine, onTakeTheirs } = props;
  const [comparing, setComparing] = useState(false);
  const [disk, setDisk] = useState<PostDoc | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [changedAgain, setChangedAgain] = useState(false);
  const compareButton = useRef<HTMLButtonElement>(null);

  const compare = async (): Promise<void> => {
    setComparing(true);
    setDisk(null);
    setProblem(null);
    setChangedAgain(false);
    const result = await readDisk();
    if (result.ok) setDisk(result.value);
    else setProblem(result.error.message);
  };

  // The version compared may be old by now: keeping mine then would overwrite text the author never saw.
  const keepMine = async (): Promise<void> => {
    if (comparing && disk !== null) {
      const now = await readDisk();
      if (now.ok && now.value.version !== disk.version) {
        setDisk(now.value);
        setChangedAgain(true);
        return;
      }
      onKeepMine(disk.version);
      return;
    }
    onKeepMine();
  };

  return (
    <>
      <div className="banner banner-warning" role="alert">
        <div className="banner-text">
          <strong>This post changed on disk</strong>
          <span>
            {refused ? ' since you opened it, so your changes were not saved.' : ' while you were editing it.'} Keep
            yours to save over it, or take the version on disk (yours stay in the journal, so nothing is lost).
          </span>
          {problem === null ? null : <span className="hint"> {problem}</span>}
        </div>
        <div className="banner-actions">
          <button ref={compareButton} type="button" className="button" disabled={busy} onClick={() => void compare()}>
            Compare
          </button>
          <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
            Take theirs
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void keepMine()}>
            Keep mine
          </button>
        </div>
      </div>
      {comparing && problem === null ? (
        <CompareView
          disk={disk?.body ?? null}
          mine={mine}
          textEdited={props.textEdited}
          frontMatterEdited={frontMatterEdited}
          clashes={disk === null || clashesWith === undefined ? [] : clashesWith(disk.frontMatter)}
          changedAgain={changedAgain}
          busy={busy}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={onTakeTheirs}
          onClose={() => {
            setComparing(false);
            // Back to the button that opened it, not to the page.
            compareButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** Props of the deleted-on-disk banner. */
export interface DeletedBannerProps {
  busy: boolean;
  /** Why the last attempt to write it again failed, when it did. */
  problem: string | null;
  onSaveAgain: () => void;
}

/** "This post was deleted on disk": the text stays here and can be written back. */
export function DeletedBanner({ busy, problem, onSaveAgain }: DeletedBannerProps): React.JSX.Element {
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <strong>This post was deleted on disk</strong>
        <span> (or moved or renamed). Your text is still here; save it again to put the file back.</span>
        {problem === null ? null : <span className="hint"> {problem}</span>}
      </div>
      <div className="banner-actions">
        <button type="button" className="button primary" disabled={busy} onClick={onSaveAgain}>
          Save again
        </button>
      </div>
    </div>
  );
}

/** Props of the note shown after an unedited post was read again. */
export interface ReplacedBannerProps {
  /** The front matter differs on disk in a way a save cannot undo (another format, a block added or gone): it stays. */
  frontMatterStays: boolean;
  /** Whether autosave is on: it then writes the text brought back over this version, unasked. */
  autosave: boolean;
  onBringBack: () => void;
  onDismiss: () => void;
}

/**
 * "This post changed on disk and was read again": the text it showed (the author's last save,
 * overwritten by a sync program, say) can be brought back, as unsaved edits, until they edit.
 */
export function ReplacedBanner(props: ReplacedBannerProps): React.JSX.Element {
  const { frontMatterStays, autosave, onBringBack, onDismiss } = props;
  return (
    <div className="banner banner-info banner-replaced" role="note" aria-label="Read again from disk">
      <div className="banner-text">
        <strong>This post changed on disk and was read again.</strong>
        <span>
          {autosave
            ? ' Bring back the text you had, and autosave writes it over this version; or keep this one.'
            : ' Bring back the text you had, to save it over this version, or keep this one.'}
        </span>
        {frontMatterStays ? (
          <span> Its front matter is in another form on disk now and stays as it is: only the text comes back.</span>
        ) : null}
      </div>
      <div className="banner-actions">
        <button type="button" className="button" onClick={onBringBack}>
          Bring back mine
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          Keep this one
        </button>
      </div>
    </div>
  );
}
