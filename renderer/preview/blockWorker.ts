/** The preview's worker: renders Markdown block by block off the page's thread, so typing never waits for it. */
import type { RenderRequest } from './protocol';
import { createPreviewRenderer } from './renderBlocks';

const render = createPreviewRenderer();

self.addEventListener('message', (event: MessageEvent<RenderRequest>) => {
  self.postMessage(render(event.data));
});
