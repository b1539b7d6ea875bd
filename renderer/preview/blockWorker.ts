/** The preview's worker: renders Markdown block by block off the page's thread, so typing never waits for it. */
import { applyTextEdit, blocksEdit, type WireReply, type WireRequest } from './protocol';
import { createPreviewRenderer } from './renderBlocks';

const render = createPreviewRenderer();
// What the page last sent and was last sent back: each message is an edit of these (./protocol.ts).
let text: { postId: string; markdown: string } | null = null;
let blocks: string[] = [];

self.addEventListener('message', (event: MessageEvent<WireRequest>) => {
  const { seq, postId } = event.data;
  const markdown = applyTextEdit(text?.postId === postId ? text.markdown : '', event.data.text);
  text = { postId, markdown };
  const reply = render({ seq, postId, markdown });
  const message: WireReply = { seq, blocks: blocksEdit(blocks, reply.blocks), warnings: reply.warnings };
  blocks = reply.blocks;
  self.postMessage(message);
});
