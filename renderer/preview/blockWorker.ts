/** The preview's worker: renders Markdown block by block off the page's thread, so typing never waits for it. */
import { applyTextEdit, blocksEdit, type WarmRequest, type WireReply, type WireRequest } from './protocol';
import { createPreviewRenderer } from './renderBlocks';

const render = createPreviewRenderer();
// What the page last sent and was last sent back: each message is an edit of these (./protocol.ts).
let text: { postId: string; markdown: string } | null = null;
let blocks: string[] = [];

/**
 * A short post using what most posts use, rendered while the page is idle so that the first
 * post's render runs compiled code, not the interpreter's first pass (its blocks are thrown away).
 */
const SAMPLE = [
  '# A heading',
  'A paragraph with *emphasis*, **strong** words, `code`, a [link](https://example.com) and an ![image](sample.png).',
  '- a list\n- of items\n  1. nested',
  '> A quotation.',
  '```js\nconst answer = 42;\n```',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'A footnote.[^1]\n\n[^1]: Its text.',
  '<p>Some <em>raw</em> HTML.</p>',
].join('\n\n');
const WARM_PASSES = 4;

self.addEventListener('message', (event: MessageEvent<WireRequest | WarmRequest>) => {
  if ('warm' in event.data) {
    // A few times over, for a few ms each once compiled (measured in Node: a 10 KB post's first
    // render took 111–154 ms cold, 48–69 ms after the sample).
    for (let pass = 0; pass < WARM_PASSES; pass++) render({ seq: 0, postId: `\0sample-${pass}.md`, markdown: SAMPLE });
    return;
  }
  const { seq, postId } = event.data;
  const markdown = applyTextEdit(text?.postId === postId ? text.markdown : '', event.data.text);
  text = { postId, markdown };
  const reply = render({ seq, postId, markdown });
  const message: WireReply = { seq, blocks: blocksEdit(blocks, reply.blocks), warnings: reply.warnings };
  blocks = reply.blocks;
  self.postMessage(message);
});
