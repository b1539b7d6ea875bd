/** Cutting spaces and tabs off a line's end without a regex (String's trimEnd takes line breaks too). */

/**
 * `s` without the spaces and tabs at its end, in a loop: `/[ \t]+$/` is quadratic on a long run of
 * them that is not at the end (each place in the run is tried, and each reads to the run's end).
 */
export function trimEndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return end === s.length ? s : s.slice(0, end);
}
