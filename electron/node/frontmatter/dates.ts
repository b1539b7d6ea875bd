/**
 * Date text as the author wrote it: recognised by pattern, checked against the calendar, and
 * turned into a sortable key by string arithmetic only. No `Date` object is ever created, so
 * nothing here depends on the process time zone.
 */
import { MONTH_NAMES } from '../../../shared/markdown/dates';

/** English month names, January first (month number − 1 indexes them). */
export { MONTH_NAMES };

import { ISO_LIKE } from '../../../shared/markdown/dates';

/** True when the text is a date or date-time in the YAML/ISO shapes blogs use. */
export function looksLikeDate(text: string): boolean {
  return ISO_LIKE.test(text.trim());
}

export { calendarWarning } from '../../../shared/markdown/dates';

/** The post list's sort key of a date (shared with the front-matter form, which warns when there is none). */
export { dateSortKey } from '../../../shared/markdown/sortDate';
