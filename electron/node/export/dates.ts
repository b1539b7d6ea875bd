/**
 * Dates as readers see them. An ISO date (with or without a time) reads as "26 May 2016", its
 * calendar day taken as written, never shifted to another time zone; any other text is shown as
 * the author wrote it.
 */
import { escapeHtml } from '../../../shared/markdown/render';
import { MONTH_NAMES } from '../frontmatter/dates';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A `<time>` element for an ISO date, else the escaped text. */
export function dateHtml(written: string): string {
  const trimmed = written.trim();
  const match = ISO.exec(trimmed);
  const [, year, month, day] = match ?? [];
  const name = month === undefined ? undefined : MONTH_NAMES[Number(month) - 1];
  if (year === undefined || day === undefined || name === undefined || Number(day) < 1 || Number(day) > 31) {
    return escapeHtml(written);
  }
  return `<time datetime="${year}-${month}-${day}">${Number(day)} ${name} ${year}</time>`;
}
