/** Cutting spaces and tabs (or any whitespace) off a text's end without a regex. */

/**
 * `s` without the spaces and tabs at its end, in a loop: `/[ \t]+$/` is quadratic on a long run of
 * them that is not at the end (each place in the run is tried, and each reads to the run's end).
 */
export function trimEndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the whitespace at its end (line breaks too), in a loop, as trimEndSpaces. */
export function trimEndWhitespace(s: string): string {
  let end = s.length;
  while (end > 0 && /\s/.test(s[end - 1] ?? '')) end--;
  return end === s.length ? s : s.slice(0, end);
}
