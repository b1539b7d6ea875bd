/**
 * Line endings: a post's own (the most common of CRLF and LF), and the restoring of the
 * original endings of every body line the author did not touch, so that a file with mixed
 * endings keeps them.
 */
import { diffArrays } from 'diff';

/** Above this many changed lines the exact diff is skipped: common head and tail lines still keep their endings. */
const MAX_EDIT_LENGTH = 4000;

/** The line ending most lines of a text use (the first one's on a tie; LF when there is none). */
export function detectLineEnding(text: string): 'lf' | 'crlf' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  if (crlf !== lf) return crlf > lf ? 'crlf' : 'lf';
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? 'crlf' : 'lf';
}

type Break = '\n' | '\r\n' | '\r';

/**
 * The line break most lines of `text` end with: CRLF, LF or a lone CR (classic Mac OS); `fallback`
 * when none is the most common (a tie, or no break at all). New lines take it, so a file keeps
 * one style.
 */
export function commonBreak(text: string, fallback: Break): Break {
  const counts: Record<Break, number> = { '\r\n': 0, '\n': 0, '\r': 0 };
  for (const found of text.matchAll(/\r\n|\n|\r/g)) counts[found[0] as Break] += 1;
  const ranked = (Object.entries(counts) as [Break, number][]).sort((a, b) => b[1] - a[1]);
  const [best, next] = ranked;
  return best === undefined || best[1] === 0 || best[1] === next?.[1] ? fallback : best[0];
}

/** The first line break of `text`, or LF when it has none. */
export function firstBreak(text: string): Break {
  return (/\r\n|\n|\r/.exec(text)?.[0] as Break | undefined) ?? '\n';
}

/** Lines with their terminators; `a\r\nb\rc` → [`a\r\n`, `b\r`, `c`]. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** A line's identity for comparison: its text and whether it ends with a line break at all. */
function keyOf(line: string): string {
  return line.replace(/(?:\r\n|\r|\n)$/, '\n');
}

function withEol(line: string, eol: string): string {
  return line.endsWith('\n') ? line.slice(0, -1) + eol : line;
}

function headTailMerge(oldLines: string[], newKeys: string[], eol: string): string {
  let head = 0;
  while (head < oldLines.length && head < newKeys.length && keyOf(oldLines[head] ?? '') === newKeys[head]) head++;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < newKeys.length - head &&
    keyOf(oldLines[oldLines.length - 1 - tail] ?? '') === newKeys[newKeys.length - 1 - tail]
  ) {
    tail++;
  }
  const middle = newKeys.slice(head, newKeys.length - tail).map((l) => withEol(l, eol));
  return [...oldLines.slice(0, head), ...middle, ...oldLines.slice(oldLines.length - tail)].join('');
}

/**
 * The new body (LF) written with the original body's line endings: lines the author kept keep
 * their own ending, new lines get `eol`.
 */
export function restoreLineEndings(originalBody: string, newBodyLF: string, eol: string): string {
  const oldLines = linesOf(originalBody);
  const mixed = oldLines.some((l) => keyOf(l) !== l && withEol(keyOf(l), eol) !== l);
  if (!mixed) return eol === '\n' ? newBodyLF : newBodyLF.replace(/\n/g, eol);
  const newKeys = linesOf(newBodyLF);
  const changes = diffArrays(oldLines.map(keyOf), newKeys, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return headTailMerge(oldLines, newKeys, eol);
  let at = 0;
  let out = '';
  for (const change of changes) {
    if (change.added) out += change.value.map((l) => withEol(l, eol)).join('');
    else if (change.removed) at += change.value.length;
    else {
      out += oldLines.slice(at, at + change.value.length).join('');
      at += change.value.length;
    }
  }
  return out;
}
