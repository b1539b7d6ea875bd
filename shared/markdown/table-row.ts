/** Telling a GFM table's delimiter row (`| --- | :-: |`) in linear time. */
import { trimEndSpaces } from './spaces';

/** The row's cells of dashes, each with an optional colon at either end, once its trailing spaces are off. */
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/**
 * Whether `line` is a table's delimiter row: cells of dashes, each with an optional colon at
 * either end. Its trailing spaces and tabs are cut off first (without a regex): in one regex, the spaces
 * after the last cell and those at the end could each take a long run of them, and a line of
 * `- `, 100,000 spaces and a letter took 6.6 s.
 */
export function isDelimiterRow(line: string): boolean {
  return DELIMITER_ROW.test(trimEndSpaces(line));
}
