/** The preview's worker: renders Markdown off the page's thread so typing never waits for it. */
import type { RenderRequest } from './protocol';
import { renderPost } from './renderPost';

self.addEventListener('message', (event: MessageEvent<RenderRequest>) => {
  self.postMessage(renderPost(event.data));
});
