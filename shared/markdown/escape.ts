/**
 * Escaping text for HTML, in a module of its own: the page imports it without the Markdown pipeline
 * (./render.ts), which only the preview's worker loads.
 */

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
