/** The preview's render: the shared pipeline, with remote images as placeholders and local ones under /files/. */
import { renderMarkdown } from '../../shared/markdown/render';
import { imageUrl } from '../state/urls';
import type { RenderReply, RenderRequest } from './protocol';

/** Renders one request; the same function runs in the worker and, as a fallback, on the page. */
export function renderPost(request: RenderRequest): RenderReply {
  const { html, warnings } = renderMarkdown(request.markdown, {
    remoteImages: 'placeholder',
    resolveImage: (src) => imageUrl(request.postId, src),
  });
  return { seq: request.seq, html, warnings };
}
