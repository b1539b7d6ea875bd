/**
 * The preview's worker: renders Markdown block by block off the page's thread, so typing never
 * waits for it, and gives way to the author's keys while a long render is under way (./renderLoop.ts).
 */
import {
  applyTextEdit,
  blocksEdit,
  type KeyNotice,
  type WarmRequest,
  type WireReply,
  type WireRequest,
} from './protocol';
import { runToEnd } from './blockRender';
import { createPreviewJobs } from './renderBlocks';
import { createRenderLoop } from './renderLoop';
import { threadTimers } from './typing';

const start = createPreviewJobs();
// What the page last sent and was last sent back: each message is an edit of these (./protocol.ts).
let text: { postId: string; markdown: string } | null = null;
let blocks: string[] = [];

// A task of its own without a timer's clamping: a port's message, handled after those already queued.
const channel = new MessageChannel();
let next: (() => void) | null = null;
channel.port1.onmessage = () => {
  const run = next;
  next = null;
  run?.();
};

const loop = createRenderLoop({
  start,
  reply: (reply) => {
    const message: WireReply = { seq: reply.seq, blocks: blocksEdit(blocks, reply.blocks), warnings: reply.warnings };
    blocks = reply.blocks;
    self.postMessage(message);
  },
  timers: threadTimers,
  soon: (run) => {
    next = run;
    channel.port2.postMessage(null);
  },
});

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

self.addEventListener('message', (event: MessageEvent<WireRequest | WarmRequest | KeyNotice>) => {
  if ('key' in event.data) {
    loop.keyTyped();
    return;
  }
  if ('warm' in event.data) {
    // A few times over, for a few ms each once compiled (measured in Node: a 10 KB post's first
    // render took 111–154 ms cold, 48–69 ms after the sample).
    for (let pass = 0; pass < WARM_PASSES; pass++)
      runToEnd(start({ seq: 0, postId: `\0sample-${pass}.md`, markdown: SAMPLE }));
    return;
  }
  const { seq, postId } = event.data;
  const markdown = applyTextEdit(text?.postId === postId ? text.markdown : '', event.data.text);
  text = { postId, markdown };
  loop.request({ seq, postId, markdown });
});
