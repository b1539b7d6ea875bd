/* global window, document -- the page's */
/**
 * Browser mode: asks for the post list while the app's code is still loading, so the list is on
 * its way (or here) when the app first wants it; renderer/hooks/usePosts.ts takes the answer once.
 * A plain script (the page's policy allows only scripts from its own origin, none inline), run
 * before the app's module. In Electron the preload's bridge is there and nothing is asked here.
 */
(() => {
  if (window.blog !== undefined) return;
  const meta = document.querySelector('meta[name="postwright-token"]');
  const token = meta?.getAttribute('content') ?? '';
  if (token === '') return;
  const early = fetch('/api/listPosts', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Postwright-Token': token },
    body: '{"args":[]}',
  });
  // A failed request is the app's to report: it asks again.
  early.catch(() => undefined);
  window.postwrightEarlyList = early;
})();
