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
