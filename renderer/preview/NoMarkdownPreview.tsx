/**
 * Stands in for @uiw/react-markdown-preview in the build (vite.config.ts). The editor would render
 * it only in its own preview modes, which MarkdownPane never turns on: our preview is Preview.tsx,
 * through the one sanitizing pipeline. Shipping the stock preview would add ~420 KB of unused
 * script (its Markdown parser and sanitizer-free renderer) to every start-up.
 */

/** Renders nothing: the editor's built-in preview is never shown. */
// eslint-disable-next-line no-restricted-syntax -- it replaces a package whose export is a default one
export default function NoMarkdownPreview(): null {
  return null;
}
