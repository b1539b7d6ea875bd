/**
 * "Export site": where to, the site's name and URL (remembered for the next export), drafts or
 * not; then progress and a summary. In the
 * desktop app the folder is chosen in the system picker (the page holds a token, never a path it
 * could make up); in browser mode the author, who holds the server's token, types it.
 */
import { useEffect, useId, useRef, useState, type RefObject, type SyntheticEvent } from 'react';
import { KEEP_OTHER_FILES_HINT, type ApiError, type BlogApi, type SiteExportSummary } from '../../shared/api/contract';
import type { ChosenFolder, DesktopApi } from '../../shared/api/desktop';
import type { BlogEventSource } from '../api/events';
import {
  loadSiteDetails,
  progressLabel,
  progressPercent,
  saveSiteDetails,
  siteUrlProblem,
  summaryLine,
} from '../state/export';
import { browserStorage } from '../state/settings';
import { Dialog } from './Dialog';

/** Props of the site export dialog. */
export interface ExportDialogProps {
  api: BlogApi;
  events: BlogEventSource;
  desktop: DesktopApi | null;
  /** The posts folder's path, whose site details the dialog remembers. */
  folder: string | null;
  onClose: () => void;
}

type Phase =
  | { kind: 'editing' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; summary: SiteExportSummary }
  | { kind: 'failed'; error: ApiError };

/** The modal form; the export keeps running if the author closes it, and its result is dropped. */
export function ExportDialog({ api, events, desktop, folder, onClose }: ExportDialogProps): React.JSX.Element {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<ChosenFolder | null>(null);
  const outDir = desktop === null ? typed.trim() : (chosen?.token ?? '');
  // The folder as the author sees it (the picker's token changes each time it is chosen), without a closing slash.
  const outLabel = folderKey(desktop === null ? typed : (chosen?.label ?? ''));
  const [drafts, setDrafts] = useState(false);
  const [remembered] = useState(() => loadSiteDetails(browserStorage(), folder));
  const [siteUrl, setSiteUrl] = useState(remembered.siteUrl);
  const [siteTitle, setSiteTitle] = useState(remembered.siteTitle);
  // Ticked (or not) by the author for the folder chosen, holding while they type its path and when
  // they tick before choosing one; otherwise ticked for the folder they last exported beside their
  // files in. A folder picked anew in the desktop app starts from that again.
  const choice = desktop === null ? 'typed' : (chosen?.token ?? '');
  const [keepChoice, setKeepChoice] = useState<{ choice: string; keep: boolean } | null>(null);
  const keepOtherFiles =
    keepChoice !== null && (keepChoice.choice === choice || keepChoice.choice === '')
      ? keepChoice.keep
      : outLabel !== '' && outLabel === folderKey(remembered.keepOtherFilesIn);
  const setKeepOtherFiles = (keep: boolean): void => setKeepChoice({ choice, keep });
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const running = phase.kind === 'running';
  const urlProblem = siteUrlProblem(siteUrl);
  const blocked =
    outDir === ''
      ? desktop === null
        ? 'Type the folder to write the site to first.'
        : 'Choose the folder to write the site to first.'
      : urlProblem !== null
        ? 'Correct the site’s address first.'
        : null;

  // Starting disables the control that started it (Export, or Export beside them): the focus goes to
  // the progress bar, in the dialog, not to the page behind it.
  const progress = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!running) return;
    const active = document.activeElement;
    const inDialog = active instanceof HTMLElement && active.closest('dialog') !== null;
    if (!inDialog || (active instanceof HTMLButtonElement && active.disabled)) progress.current?.focus();
  }, [running]);

  useEffect(() => {
    if (!running) return;
    return events.on('exportProgress', ({ done, total }) =>
      setPhase((now) => (now.kind === 'running' ? { kind: 'running', done, total } : now)),
    );
  }, [events, running]);

  const start = (keep: boolean): void => {
    if (running || outDir === '' || urlProblem !== null) return;
    setPhase({ kind: 'running', done: 0, total: 0 });
    const url = siteUrl.trim();
    const title = siteTitle.trim();
    const keptIn = keep ? outLabel : remembered.keepOtherFilesIn === outLabel ? '' : remembered.keepOtherFilesIn;
    saveSiteDetails(browserStorage(), folder, { siteTitle: title, siteUrl: url, keepOtherFilesIn: keptIn });
    const request = {
      outDir,
      drafts,
      ...(url === '' ? {} : { siteUrl: url }),
      ...(title === '' ? {} : { siteTitle: title }),
      ...(keep ? { keepOtherFiles: true } : {}),
    };
    void api.exportSite(request).then((result) => {
      setPhase(result.ok ? { kind: 'done', summary: result.value } : { kind: 'failed', error: result.error });
    });
  };

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    start(keepOtherFiles);
  };

  // The export stopped at the author's files in the folder: they say so, and it goes again beside them.
  const exportBeside = (): void => {
    setKeepOtherFiles(true);
    start(true);
  };

  const choose = (): void => {
    void desktop?.chooseFolder().then((result) => {
      if (!result.ok) setPhase({ kind: 'failed', error: result.error });
      else if (result.value !== null) {
        setChosen(result.value);
        setPhase({ kind: 'editing' });
      }
    });
  };

  return (
    <Dialog title="Export site" description="Write every post as a static website you can publish." onCancel={onClose}>
      <form className="dialog-form export-form" onSubmit={submit}>
        {desktop === null ? (
          <TypedFolder id={`${id}-out`} value={typed} disabled={running} onChange={setTyped} />
        ) : (
          <ChosenFolderRow id={`${id}-out`} chosen={chosen} disabled={running} onChoose={choose} />
        )}
        <p className="export-hint">
          A new or empty folder, outside the posts folder. An earlier export there is replaced.
        </p>
        <label className="export-check">
          <input
            type="checkbox"
            checked={keepOtherFiles}
            disabled={running}
            aria-describedby={`${id}-keep-hint`}
            onChange={(e) => setKeepOtherFiles(e.target.checked)}
          />
          Keep my other files in the folder
        </label>
        <p className="export-hint" id={`${id}-keep-hint`}>
          For a folder that also holds files of yours, such as a CNAME or a git repository: the pages are written among
          them, and your files are never changed.
        </p>
        <label className="field-label" htmlFor={`${id}-title`}>
          Site title
        </label>
        <input
          id={`${id}-title`}
          type="text"
          value={siteTitle}
          placeholder="Blog"
          maxLength={200}
          disabled={running}
          aria-describedby={`${id}-title-hint`}
          onChange={(e) => setSiteTitle(e.target.value)}
        />
        <p className="export-hint" id={`${id}-title-hint`}>
          On the index, in every page’s title and in the feed.
        </p>
        <label className="field-label" htmlFor={`${id}-url`}>
          Site URL
        </label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          value={siteUrl}
          placeholder="https://example.com/blog/"
          spellCheck={false}
          disabled={running}
          aria-invalid={urlProblem !== null}
          aria-describedby={`${id}-url-hint`}
          onChange={(e) => setSiteUrl(e.target.value)}
        />
        <p className="export-hint" id={`${id}-url-hint`}>
          {urlProblem ?? 'Optional. With it the site gets an Atom feed, a sitemap and canonical links.'}
        </p>
        <label className="export-check">
          <input type="checkbox" checked={drafts} disabled={running} onChange={(e) => setDrafts(e.target.checked)} />
          Include drafts
        </label>
        <Progress phase={phase} bar={progress} />
        <Outcome phase={phase} onExportBeside={keepOtherFiles ? null : exportBeside} />
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
          {/* Not ready, yet focusable: the reason is its description (review 24a: Tab passed it by unexplained). */}
          <button
            type="submit"
            className="button primary"
            disabled={running}
            aria-disabled={blocked !== null || undefined}
            aria-describedby={blocked === null ? undefined : `${id}-blocked`}
          >
            {running ? 'Exporting…' : 'Export'}
          </button>
          <span id={`${id}-blocked`} hidden>
            {blocked}
          </span>
        </div>
      </form>
    </Dialog>
  );
}

/** A folder's path as compared with the one remembered: trimmed, without a closing slash. */
function folderKey(label: string): string {
  const trimmed = label.trim();
  return trimmed.length > 1 ? trimmed.replace(/[\\/]+$/, '') : trimmed;
}

interface TypedFolderProps {
  id: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}

/** Browser mode: the folder's full path, typed. */
function TypedFolder({ id, value, disabled, onChange }: TypedFolderProps): React.JSX.Element {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Output folder
      </label>
      <div className="export-folder-row">
        <input
          id={id}
          type="text"
          value={value}
          placeholder="/full/path/to/site"
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </>
  );
}

interface ChosenFolderRowProps {
  id: string;
  chosen: ChosenFolder | null;
  disabled: boolean;
  onChoose: () => void;
}

/** The desktop app: the folder picked in the system picker, shown by its path. */
function ChosenFolderRow({ id, chosen, disabled, onChoose }: ChosenFolderRowProps): React.JSX.Element {
  return (
    <>
      <span className="field-label" id={`${id}-label`}>
        Output folder
      </span>
      <div className="export-folder-row" role="group" aria-labelledby={`${id}-label`}>
        <span id={id} className={chosen === null ? 'export-folder-chosen empty' : 'export-folder-chosen'}>
          {chosen?.label ?? 'No folder chosen yet'}
        </span>
        <button type="button" className="button" disabled={disabled} aria-describedby={id} onClick={onChoose}>
          Choose folder…
        </button>
      </div>
    </>
  );
}

function Progress({ phase, bar }: { phase: Phase; bar: RefObject<HTMLDivElement | null> }): React.JSX.Element | null {
  if (phase.kind !== 'running' && phase.kind !== 'done') return null;
  const [done, total] =
    phase.kind === 'running' ? [phase.done, phase.total] : [phase.summary.posts, phase.summary.posts];
  const starting = phase.kind === 'running' && total === 0;
  const percent = starting ? 0 : progressPercent(done, total);
  const label = starting ? 'Reading posts…' : progressLabel(done, total);
  return (
    <div className="export-progress">
      <div
        className="export-progress-track"
        ref={bar}
        tabIndex={-1}
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
      >
        <div className="export-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="export-progress-label">{label}</span>
    </div>
  );
}

interface OutcomeProps {
  phase: Phase;
  /** Exports again, keeping the author's files in the folder; null when that is already asked for. */
  onExportBeside: (() => void) | null;
}

function Outcome({ phase, onExportBeside }: OutcomeProps): React.JSX.Element | null {
  if (phase.kind === 'failed') {
    const beside = phase.error.hint === KEEP_OTHER_FILES_HINT && onExportBeside !== null;
    return (
      <div className="export-error" role="alert">
        <p>
          {phase.error.message}
          {phase.error.hint === undefined ? null : <span className="hint"> {phase.error.hint}</span>}
        </p>
        {beside ? (
          <button type="button" className="button" onClick={onExportBeside}>
            Export beside them
          </button>
        ) : null}
      </div>
    );
  }
  if (phase.kind !== 'done') return null;
  const { summary } = phase;
  return (
    <div className="export-summary" role="status">
      <p>
        {summaryLine(summary)} <span className="export-path">{summary.outDir}</span>
      </p>
      {summary.warnings.length === 0 ? null : (
        <ul className="export-warnings" aria-label="Warnings">
          {summary.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
