/** Whether the preview should show the front-matter title above the body. */

const ATX_H1 = /^ {0,3}#(?:[ \t]|$)/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/** True when the body's first block is a level-one heading (then the title would show twice). */
export function bodyStartsWithH1(markdown: string): boolean {
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return false;
  const line = lines[first] ?? '';
  return ATX_H1.test(line) || SETEXT_H1.test(lines[first + 1] ?? '');
}
