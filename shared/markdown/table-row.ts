/** Telling a GFM table's delimiter row (`| --- | :-: |`) in linear time. */

/** The row's cells of dashes, each with an optional colon at either end, once its trailing spaces are off. */
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/**
 * Whether `line` is a table's delimiter row: cells of dashes, each with an optional colon at
 * either end. Its trailing spaces and tabs are cut off first, in a loop: in one regex, the spaces
 * after the last cell and those at the end could each take a long run of them, and a line of
 * `- `, 100,000 spaces and a letter took 6.6 s.
 */
export function isDelimiterRow(line: string): boolean {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return DELIMITER_ROW.test(end === line.length ? line : line.slice(0, end));
}
