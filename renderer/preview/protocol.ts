/** Messages between the preview and its rendering worker. */

/** Render `markdown` of post `postId`; `seq` orders requests. */
export interface RenderRequest {
  seq: number;
  postId: string;
  markdown: string;
}

/** The sanitized HTML for request `seq`. */
export interface RenderReply {
  seq: number;
  html: string;
  warnings: string[];
}

/** The sanitized HTML for request `seq`, block by block (joined by newlines it is the whole render). */
export interface BlockReply {
  seq: number;
  blocks: string[];
  warnings: string[];
}
