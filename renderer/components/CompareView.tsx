/** The file on disk beside the author's text, line by line, with the two ways out. */
import { useEffect, useMemo, useRef } from 'react';
import { compareRows, type CompareCell } from '../state/compare';
import type { FieldClash } from '../state/frontMatter';

/** Props of the compare view. */
export interface CompareViewProps {
  /** The body on disk, or null while it is being read. */
  disk: string | null;
  mine: string;
  /**
   * False when the author did not edit the text: Keep mine then keeps the text on disk (only their
   * fields are written), so that is what "yours" shows.
   */
  textEdited?: boolean;
  /** True when the front matter also differs (only the body is compared line by line). */
  frontMatterEdited: boolean;
  /** Front-matter fields changed on disk and in yours, each to its own value (Keep mine writes yours). */
  clashes?: readonly FieldClash[];
  /** True when the file changed on disk again while compared, so `disk` was read anew instead of saving over it. */
  changedAgain?: boolean;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
}

function Cell({ cell }: { cell: CompareCell }): React.JSX.Element {
  const label = cell.kind === 'removed' ? 'only on disk: ' : cell.kind === 'added' ? 'only in yours: ' : '';
  return (
    <div className={`compare-line compare-${cell.kind}`}>
      {label === '' ? null : <span className="visually-hidden">{label}</span>}
      {cell.text ?? ''}
    </div>
  );
}

/** A region named "Compare": disk on the left, yours on the right. */
export function CompareView(props: CompareViewProps): React.JSX.Element {
  const {
    disk,
    mine,
    textEdited = true,
    frontMatterEdited,
    clashes = [],
    changedAgain = false,
    busy,
    onKeepMine,
    onTakeTheirs,
    onClose,
  } = props;
  const yours = textEdited ? mine : (disk ?? mine);
  const rows = useMemo(() => (disk === null ? [] : compareRows(disk, yours)), [disk, yours]);
  // The comparison takes the focus as it opens (the banner's Compare button leads here), and Escape closes it.
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  // The lines open at the first difference (below the sticky titles), not at the top of a long post:
  // when the file is read, and read again, never as the writer types (which would move what they read).
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = grid.current;
    const first = box === null ? null : box.querySelector('.compare-removed, .compare-added');
    if (box === null || first === null) return;
    const titles = box.querySelector('.compare-sides')?.getBoundingClientRect().height ?? 0;
    const top = first.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - titles - 8);
  }, [disk]);
  return (
    <section
      className="compare"
      aria-label="Compare"
      ref={region}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="compare-head">
        <h2 className="compare-title">On disk and yours</h2>
        <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {changedAgain ? (
        <p className="restore-note compare-note">
          The file changed on disk again, so yours were not saved: this is the version on disk now. Keep mine again to
          save over it.
        </p>
      ) : null}
      {!textEdited ? (
        <p className="restore-note compare-note">
          You changed only front-matter fields: Keep mine writes them and keeps the text on disk, shown here.
        </p>
      ) : frontMatterEdited ? (
        <p className="restore-note compare-note">
          Your front-matter changes are kept too; only the text is shown here.
        </p>
      ) : null}
      {clashes.length > 0 ? (
        <div className="restore-note compare-note" role="note" aria-label="Changed on disk too">
          <p>Changed on disk too (Keep mine writes yours, Take theirs keeps these):</p>
          <ul className="compare-clashes">
            {clashes.map((clash) => (
              <li key={clash.key}>
                <strong>{clash.key === '' ? 'The front matter, edited as text' : clash.key}</strong>: on disk{' '}
                <q>{clash.disk}</q>, yours <q>{clash.mine}</q>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="compare-grid" ref={grid}>
        <div className="compare-row compare-sides">
          <div className="compare-side-title">On disk</div>
          <div className="compare-side-title">Yours</div>
        </div>
        {disk === null ? <div className="compare-line">Reading the file…</div> : null}
        {rows.map((row, index) => (
          <Row key={index} left={row.left} right={row.right} />
        ))}
      </div>
    </section>
  );
}

function Row({ left, right }: { left: CompareCell; right: CompareCell }): React.JSX.Element {
  return (
    <div className="compare-row">
      <Cell cell={left} />
      <Cell cell={right} />
    </div>
  );
}
