/**
 * The page's backend called from a test the way the app calls it in browser mode (HTTP with the
 * page's token), to read or set up what the UI cannot show directly, such as the journal.
 */
import type { Page } from '@playwright/test';

/** Calls one method of the page's backend over HTTP, as the app does; its value, or throws its error. */
export async function call(app: Page, method: string, args: unknown[]): Promise<unknown> {
  const result = await app.evaluate(
    async ([name, values]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="postwright-token"]')?.content ?? '';
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Postwright-Token': token },
        body: JSON.stringify({ args: values }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, args] as const,
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message ?? 'no answer'}`);
  return result.value;
}

/** The journal's entries as the app's backend reports them (the same call the app makes), kept apart or not. */
export async function journal(app: Page): Promise<{ id: string; body: string }[]> {
  const entries = (await call(app, 'listJournal', [])) as { id: string; body: string }[];
  return entries.map(({ id, body }) => ({ id, body }));
}
