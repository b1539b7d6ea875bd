/**
 * Updating the preview's DOM block by block: only the blocks whose HTML changed are replaced, so
 * a keystroke in a long post costs the page one small relayout instead of re-parsing it all.
 */

/** A block on screen: its HTML and the nodes made from it. */
export interface ShownBlock {
  html: string;
  nodes: ChildNode[];
}

/** Makes `container` show `blocks`, reusing the nodes of unchanged leading and trailing blocks; returns what is shown. */
export function patchBlocks(container: Element, shown: readonly ShownBlock[], blocks: readonly string[]): ShownBlock[] {
  let head = 0;
  while (head < shown.length && head < blocks.length && shown[head]?.html === blocks[head]) head += 1;
  let tail = 0;
  while (
    tail < shown.length - head &&
    tail < blocks.length - head &&
    shown[shown.length - 1 - tail]?.html === blocks[blocks.length - 1 - tail]
  ) {
    tail += 1;
  }
  const removed = shown.slice(head, shown.length - tail);
  for (const block of removed) for (const node of block.nodes) node.remove();
  const before = shown.slice(shown.length - tail).find((block) => block.nodes.length > 0)?.nodes[0] ?? null;
  const added = blocks.slice(head, blocks.length - tail).map((html) => {
    const template = container.ownerDocument.createElement('template');
    // The HTML comes from the shared pipeline, sanitized last.
    template.innerHTML = html;
    const nodes = [...template.content.childNodes];
    container.insertBefore(template.content, before);
    return { html, nodes };
  });
  return [...shown.slice(0, head), ...added, ...shown.slice(shown.length - tail)];
}

/** How much new HTML one step of showing a render puts on the page before letting the author type again. */
export const STEP_BYTES = 32_000;
/**
 * The same once the author has stopped typing (./typing.ts TYPING_PAUSE_MS; a key down counts as
 * typing at once). Each step costs a React render, the patch, its layout and a frame or two whatever
 * its size (~60 ms of the page's thread for a megabyte post's 32 KB steps), so the first preview of a
 * megabyte post typed into right after opening took 3.3–4.4 s to go on the page in 32 KB steps. A key
 * pressed while a bigger step runs, after a pause, waits for it: not measured by the bench (its typing
 * runs type on or start with the preview idle).
 */
export const PAUSED_STEP_BYTES = 128_000;

/** How much new HTML the next step may put on the page, as the author is typing or not. */
export function stepBytes(typing: boolean): number {
  return typing ? STEP_BYTES : PAUSED_STEP_BYTES;
}

/**
 * The next list of blocks to show on the way from `shown` to `target`: `target` itself when the
 * blocks that differ hold at most `budget` bytes of HTML, else `target` with its changed middle cut
 * short after about `budget` bytes (the unchanged start and end kept). Each step adds to the last.
 */
export function stepTowards(
  shown: readonly string[],
  target: readonly string[],
  budget = STEP_BYTES,
): readonly string[] {
  let head = 0;
  while (head < shown.length && head < target.length && shown[head] === target[head]) head += 1;
  let tail = 0;
  while (
    tail < shown.length - head &&
    tail < target.length - head &&
    shown[shown.length - 1 - tail] === target[target.length - 1 - tail]
  ) {
    tail += 1;
  }
  const end = target.length - tail;
  let cut = head;
  for (let bytes = 0; cut < end && bytes < budget; cut += 1) bytes += target[cut]?.length ?? 0;
  return cut >= end ? target : [...target.slice(0, cut), ...target.slice(end)];
}
