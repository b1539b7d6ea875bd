/** The preview's incremental render for one post at a time; runs in the worker and, as a fallback, on the page. */
import type { BlockReply, RenderRequest } from './protocol';
import { blockPipeline, createBlockRenderer, runToEnd, type BlockRenderer } from './blockRender';
import { previewOptions } from './renderPost';

/** A request's render, a few blocks per step (./blockRender.ts `BlockJob`). */
export interface PreviewJob {
  /** Renders until `deadline` has passed: the reply once every block is rendered, else null. */
  step(deadline: number): BlockReply | null;
  /** Characters of Markdown still to render. */
  readonly remaining: number;
}

/** Starts jobs for requests, re-rendering only the blocks that changed since the last request for the same post. */
export function createPreviewJobs(): (request: RenderRequest) => PreviewJob {
  let current: { postId: string; renderer: BlockRenderer } | null = null;
  return (request) => {
    if (current?.postId !== request.postId) {
      // Image URLs depend on the post, so another post's blocks are never reused.
      current = {
        postId: request.postId,
        renderer: createBlockRenderer(blockPipeline(previewOptions(request.postId))),
      };
    }
    const job = current.renderer.start(request.markdown);
    return {
      step(deadline) {
        const result = job.step(deadline);
        return result === null ? null : { seq: request.seq, blocks: result.blocks, warnings: result.warnings };
      },
      get remaining() {
        return job.remaining;
      },
    };
  };
}

/** Renders requests whole, each at once (the page's fallback where no worker starts). */
export function createPreviewRenderer(): (request: RenderRequest) => BlockReply {
  const start = createPreviewJobs();
  return (request) => runToEnd(start(request));
}
