/** The preview's render: the shared pipeline, with remote images as placeholders and local ones under /files/. */
import { renderMarkdown, type RenderOptions } from '../../shared/markdown/render';
import { imageUrl } from '../state/urls';
import type { RenderReply, RenderRequest } from './protocol';

/** The preview's options for one post: its images are served beside it. */
export function previewOptions(postId: string): RenderOptions {
  return { remoteImages: 'placeholder', resolveImage: (src) => imageUrl(postId, src) };
}

/** Renders one request whole. */
export function renderPost(request: RenderRequest): RenderReply {
  const { html, warnings } = renderMarkdown(request.markdown, previewOptions(request.postId));
  return { seq: request.seq, html, warnings };
}
