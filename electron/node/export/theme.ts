/**
 * The exported pages' built-in theme: one readable column, system fonts, light and dark
 * schemes, and styles for what the Markdown pipeline emits (code, tables, footnotes, task lists,
 * highlight.js scopes, the remote-image placeholder). Inline, because the CSP allows no files.
 *
 * Nothing may push a page wider than a phone (390 px): text and headings break a word that cannot
 * fit (break-word), inline code and links break anywhere (a long URL or identifier has no spaces).
 * Code blocks and tables scroll instead (white-space: pre; in a table, break-word leaves the
 * columns their natural width). Code colours keep 4.5:1 (WCAG AA) on --code-bg in both schemes.
 *
 * Right-to-left pages (`dir="rtl"`, ./lang.ts) mirror the layout: margins, rules and indents are
 * logical (inline-start, inline-end). Code reads left to right in any page, and a date (written in
 * English) and a tag (`#C++`) are isolated from the text around them, which would otherwise reorder
 * their words, numbers and signs.
 */

/** The stylesheet placed in every exported page's `<style>` element. */
export const THEME_CSS = `
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --bg: #fffdf8; --rule: #d8d4ca; --link: #0b5cad;
  --code-bg: #f3f1ea; --mark: #7a45d6; --string: #0a6b37; --number: #9a4d00; --comment: #636c76;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6e3dc; --muted: #a29e94; --bg: #16171a; --rule: #34363b; --link: #7fb5ff;
    --code-bg: #202227; --mark: #c8a2ff; --string: #7ee2a8; --number: #ffb86b; --comment: #8b949e;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 1.125rem/1.7 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  overflow-wrap: break-word;
}
.site, main { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
.site { display: flex; justify-content: space-between; align-items: baseline; padding-top: 1.5rem; }
.site a { color: var(--muted); text-decoration: none; font: 600 0.95rem/1.4 system-ui, sans-serif; min-width: 0; overflow-wrap: anywhere; }
.site a:hover { color: var(--link); }
main { padding-bottom: 4rem; }
main:first-child { padding-top: 1.5rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 2.1rem; letter-spacing: -0.01em; }
h2 { font-size: 1.5rem; } h3 { font-size: 1.2rem; } h4, h5, h6 { font-size: 1rem; } h5, h6 { color: var(--muted); }
.post-header h1, article > h1:first-child:has(+ .post-date) { margin-bottom: 0.25rem; }
.post-date, .meta { color: var(--muted); font: 0.95rem/1.5 system-ui, sans-serif; margin: 0 0 2rem; }
p, ul, ol, blockquote, pre, table, figure { margin: 0 0 1.25rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
img { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5rem 0; }
blockquote { margin-inline-start: 0; padding-inline-start: 1rem; border-inline-start: 3px solid var(--rule); color: var(--muted); }
code, kbd, samp, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
code, kbd, samp, pre { direction: ltr; unicode-bidi: isolate; }
pre { text-align: left; }
time, .tags a { unicode-bidi: plaintext; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
:not(pre) > code, a { overflow-wrap: anywhere; }
th a, td a, th code, td code { overflow-wrap: break-word; }
pre { background: var(--code-bg); padding: 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.5; }
table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.95em; }
th, td { border: 1px solid var(--rule); padding: 0.4rem 0.75rem; }
caption { caption-side: bottom; padding-top: 0.4rem; color: var(--muted); font-size: 0.9em; }
th { background: var(--code-bg); }
th { text-align: start; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.contains-task-list { list-style: none; padding-inline-start: 1.25rem; }
.task-list-item input { margin-block: 0; margin-inline: -1.25rem 0.4rem; }
.footnotes { border-top: 1px solid var(--rule); margin-top: 3rem; font-size: 0.92rem; color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.remote-image { display: inline-block; border: 1px dashed var(--rule); padding: 0.2rem 0.5rem; color: var(--muted); font-size: 0.9em; }
.post-list { list-style: none; padding: 0; }
.post-list li { margin: 0 0 1.75rem; }
.post-list h2 { margin: 0; font-size: 1.3rem; }
.post-list a { text-decoration: none; }
.post-list p { margin: 0.25rem 0 0; }
.tags a { font: 0.9rem system-ui, sans-serif; margin-inline-end: 0.6rem; }
.post-nav { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin-top: 3rem; padding-top: 1.25rem; border-top: 1px solid var(--rule); font: 1rem/1.4 system-ui, sans-serif; }
.post-nav a { flex: 1 1 14rem; text-decoration: none; }
.post-nav .older { text-align: end; }
.post-nav-label { display: block; color: var(--muted); font-size: 0.85rem; margin-bottom: 0.2rem; }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-type { color: var(--mark); }
.hljs-string, .hljs-attr, .hljs-regexp, .hljs-addition { color: var(--string); }
.hljs-number, .hljs-literal, .hljs-symbol, .hljs-deletion { color: var(--number); }
.hljs-comment, .hljs-quote, .hljs-meta { color: var(--comment); font-style: italic; }
.hljs-title, .hljs-section, .hljs-name { color: var(--link); }
@media print { .site, .post-nav { display: none; } body { background: #fff; color: #000; } }
`;
