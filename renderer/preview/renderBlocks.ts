/** The preview's incremental render for one post at a time; runs in the worker and, as a fallback, on the page. */
import type { BlockReply, RenderRequest } from './protocol';
import { createBlockRenderer, type BlockRenderer } from './blockRender';
import { renderPost } from './renderPost';

/** Renders requests, re-rendering only the blocks that changed since the last request for the same post. */
export function createPreviewRenderer(): (request: RenderRequest) => BlockReply {
  let current: { postId: string; renderer: BlockRenderer } | null = null;
  return (request) => {
    if (current?.postId !== request.postId) {
      // Image URLs depend on the post, so another post's blocks are never reused.
      const renderWhole = (markdown: string) => renderPost({ ...request, markdown });
      current = { postId: request.postId, renderer: createBlockRenderer(renderWhole) };
    }
    const { blocks, warnings } = current.renderer.render(request.markdown);
    return { seq: request.seq, blocks, warnings };
  };
}
