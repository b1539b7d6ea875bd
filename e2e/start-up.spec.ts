/**
 * What start-up asks of the page: its own scripts hold the editor and the list, not the Markdown
 * pipeline (markdown-it, parse5, highlight.js: over half a megabyte), which only the preview's
 * worker loads, off the page's thread (renderer/preview/usePreviewBlocks.ts).
 */
import { test, expect } from './fixtures';

test("the page's start-up scripts leave the Markdown pipeline to the preview's worker", async ({ app }) => {
  const first = app.getByRole('listbox', { name: 'Posts' }).getByRole('option').first();
  await expect(first).toBeVisible();
  const scripts = await app.evaluate(async () => {
    const urls = [
      ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((script) => script.src),
      ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href),
    ];
    return Promise.all(
      urls.map(async (url) => {
        const text = await (await fetch(url)).text();
        // highlight.js's API and markdown-it's and parse5's own words survive minifying (property names, messages).
        const pipeline = ['registerLanguage', 'linkify', 'missing-doctype'].filter((word) => text.includes(word));
        return { url, bytes: text.length, pipeline };
      }),
    );
  });
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script, script.url).toMatchObject({ pipeline: [] });
  // And the preview still shows a post, rendered by the worker.
  await first.click();
  await expect(app.getByRole('region', { name: 'Preview' }).getByRole('paragraph').first()).toBeVisible();
});
