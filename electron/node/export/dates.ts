/** Dates as readers see them (shared/markdown/dates.ts: the preview reads them the same way). */
import { readableDate } from '../../../shared/markdown/dates';
import { escapeHtml } from '../../../shared/markdown/render';

/** A `<time>` element for an ISO date, else the escaped text. */
export function dateHtml(written: string): string {
  const date = readableDate(written);
  return date === null ? escapeHtml(written) : `<time datetime="${date.iso}">${date.text}</time>`;
}
