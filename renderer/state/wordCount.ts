/**
 * Word counting for the status bar. A regular expression, not Intl.Segmenter: it runs on every
 * pause in typing and must stay cheap on long posts. Han, kana and Hangul characters count one
 * word each, the usual convention for scripts written without spaces.
 */

/** Markdown that is not prose: link targets, HTML tags, fence lines. */
const NOT_PROSE = [/\]\([^)\n]*\)/g, /<[^>\n]+>/g, /^ {0,3}(`{3,}|~{3,}).*$/gm];

const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;

/** How many words the Markdown's text holds (link URLs and tags not counted). */
export function countWords(markdown: string): number {
  const text = NOT_PROSE.reduce((rest, pattern) => rest.replace(pattern, ' '), markdown);
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}

/** "1 word", "12 words". */
export function wordLabel(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'word' : 'words'}`;
}
