/**
 * remark-rehype without its walk of the whole tree. mdast-util-to-hast begins every conversion by
 * visiting each node (unist-util-visit) to find the link and footnote definitions; that visitor
 * renames a function and copies the list of ancestors at every node, which cost ~6% of the time
 * the benchmark's 1,000 posts take to render (~30 of ~500 ms), to find what few posts have.
 * Here the definitions are found by a walk of the containers only, and handed to remark-rehype in
 * a root of their own, in document order, so its visit reads only them; the root handler then
 * converts the real tree. The maps the visit fills, so the HTML, are the same.
 */
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import remarkRehype, { defaultHandlers, type Options } from 'remark-rehype';
import { contextOf, type RenderContext } from './context';

type Handler = NonNullable<NonNullable<Options['handlers']>['root']>;

/** A unified plugin that does what remark-rehype does with `options`, on the same converter. */
export function remarkRehypeLean(options: Options) {
  // The stand-in root given to the converter → the tree it stands for, and the footnotes called before it.
  const trees = new WeakMap<Root, { tree: Root; footnotes: RenderContext['footnotes'] }>();
  const root: typeof defaultHandlers.root = (state, node) => {
    const job = trees.get(node);
    if (job === undefined) return defaultHandlers.root(state, node);
    const { footnotes } = job;
    if (footnotes === undefined) return defaultHandlers.root(state, job.tree);
    // A piece of a post: its calls are numbered after the calls before it, as in the whole post.
    // The post's list is given every call; a block, only what the converter asks of its own calls
    // (their places in the order, holes elsewhere, and their counts), not a copy of them all.
    if (footnotes.list) {
      for (const id of footnotes.before.order) {
        state.footnoteOrder.push(id);
        state.footnoteCounts.set(id, footnotes.before.count(id));
      }
      return defaultHandlers.root(state, job.tree);
    }
    const order = new Array<string>(footnotes.before.size);
    for (const id of footnotes.calls) {
      const at = footnotes.before.place(id);
      if (at === undefined) continue;
      order[at] = id;
      state.footnoteCounts.set(id, footnotes.before.count(id));
    }
    state.footnoteOrder = order;
    const converted = defaultHandlers.root(state, job.tree);
    // It lists none: the list's walk through every call so far is skipped.
    state.footnoteOrder = [];
    return converted;
  };
  // A root handler returns a root, which the handlers' type (made for the nodes inside) does not allow.
  const handlers = { ...options.handlers, root: root as unknown as Handler };
  const transform = remarkRehype({ ...options, handlers });
  return (tree: Root, file: Parameters<typeof transform>[1]): ReturnType<typeof transform> => {
    const { footnotes } = contextOf(file);
    // A piece that does not list footnotes hides its footnote definitions from the converter, which lists them.
    const definitions: Root = { type: 'root', children: definitionsOf(tree, footnotes?.list !== false) };
    trees.set(definitions, { tree, footnotes });
    const hast = transform(definitions, file);
    // The list of footnotes marked `data-footnotes=""`, as the HTML parser reads back the stock
    // `true` (its calls are marked so by the handler in ./render.ts): the same with or without it.
    for (const node of hast.children)
      if (node.type === 'element' && node.properties.dataFootnotes === true) node.properties.dataFootnotes = '';
    return hast;
  };
}

/**
 * A tree's footnote calls in the order the converter numbers them (upper-case identifiers, outside
 * footnote definitions, whose calls are numbered when the list is made) and its footnote definitions.
 */
export function footnotesIn(tree: Root): { calls: string[]; notes: FootnoteDefinition[] } {
  const calls: string[] = [];
  const notes: FootnoteDefinition[] = [];
  // A stack, not recursion: a tree may be deep. Children go on in reverse, so they come off in order.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'footnoteReference') calls.push(node.identifier.toUpperCase());
    else if (node.type === 'footnoteDefinition') {
      notes.push(node);
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { calls, notes };
}

/**
 * The definitions of `tree` in document order, as the converter's visit meets them, each once: a
 * footnote definition's own insides are left to that visit. A definition is flow content: only the
 * root, a block quote, a list's items and a footnote definition can hold one, never a paragraph.
 */
function definitionsOf(tree: Root, footnotes: boolean): Root['children'] {
  const found: Root['children'] = [];
  // A stack, not recursion: containers may nest deeply. Children go on in reverse, so they come off in order.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      if (footnotes || node.type === 'definition') found.push(node);
      continue;
    }
    if (node.type !== 'root' && node.type !== 'blockquote' && node.type !== 'list' && node.type !== 'listItem')
      continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return found;
}
