/**
 * Escaping text for HTML, in a module of its own: the page imports it without the Markdown pipeline
 * (./render.ts), which only the preview's worker loads.
 */

const HTML_SPECIAL = /[&<>"']/;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most titles, dates and links have nothing to escape: one scan instead of five.
  if (!HTML_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
