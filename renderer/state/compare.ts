/** Side-by-side rows of two texts (the file on disk and the author's), from a line diff. */
import { diffLines } from 'diff';

/** One cell of a side: a line, or nothing where the other side has lines this one lacks. */
export interface CompareCell {
  text: string | null;
  kind: 'same' | 'removed' | 'added' | 'blank';
}

/** One row: the disk's line on the left, the author's on the right. */
export interface CompareRow {
  left: CompareCell;
  right: CompareCell;
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const BLANK: CompareCell = { text: null, kind: 'blank' };

function paired(removed: string[], added: string[]): CompareRow[] {
  const rows: CompareRow[] = [];
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const left = removed[i];
    const right = added[i];
    rows.push({
      left: left === undefined ? BLANK : { text: left, kind: 'removed' },
      right: right === undefined ? BLANK : { text: right, kind: 'added' },
    });
  }
  return rows;
}

/** Rows aligning `disk` (left) with `mine` (right); a changed run pairs its removed and added lines. */
export function compareRows(disk: string, mine: string): CompareRow[] {
  const rows: CompareRow[] = [];
  let removed: string[] = [];
  for (const part of diffLines(disk, mine)) {
    const lines = linesOf(part.value);
    if (part.removed) {
      removed = [...removed, ...lines];
    } else if (part.added) {
      rows.push(...paired(removed, lines));
      removed = [];
    } else {
      rows.push(...paired(removed, []));
      removed = [];
      for (const line of lines) rows.push({ left: { text: line, kind: 'same' }, right: { text: line, kind: 'same' } });
    }
  }
  rows.push(...paired(removed, []));
  return rows;
}

/** The changed lines of `mine` against `disk`, "+ " and "− " prefixed, at most `limit` of them. */
export function changedLines(disk: string, mine: string, limit: number): { lines: string[]; more: number } {
  const all: string[] = [];
  for (const part of diffLines(disk, mine)) {
    if (!part.added && !part.removed) continue;
    for (const line of linesOf(part.value)) all.push(`${part.added ? '+' : '−'} ${line}`);
  }
  return { lines: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
