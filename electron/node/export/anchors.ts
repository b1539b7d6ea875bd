/**
 * Plain ids on exported pages. The sanitizer prefixes every id and name a post carries
 * (`## Setup` gets `id="user-content-setup"`) so that no post can clobber a global the preview's
 * own scripts read (`window.postwright`, `document.forms`): the preview is a live page of ours.
 * An exported page runs no script at all (its Content-Security-Policy allows none, ./html.ts), so
 * there is nothing to clobber, while the prefix breaks every deep link readers and other sites
 * already have into the blog (`/posts/setup/#installing`: GitHub-style slugs, as Hugo writes a
 * heading's id). The page therefore drops the prefix from its ids, names and ARIA references, and
 * from its links to its own anchors (`#user-content-x`, which the pipeline's URL policy wrote).
 * Links to other posts get the author's fragment as written (./plan.ts); any other link is the
 * author's and stays exactly as written, `#user-content-` and all (review 25: a link into a page
 * exported before this, or into GitHub, was rewritten).
 *
 * A feed's entries are shown inside readers' pages, which do run scripts: there the ids keep their
 * prefix, and only the links to the page's own anchors lose it (`plainAnchors`), since they are
 * made absolute and lead to the page.
 *
 * Takes the pipeline's serialized, sanitized HTML only: its tags are `<` … `>` with no `<` or `>`
 * inside attribute values (shared/markdown/attributes.ts), text holds no `<`, and attributes are
 * double-quoted. Every prefixed value loses exactly one prefix, so ids distinct before stay
 * distinct.
 */
import { ID_PREFIX } from '../../../shared/markdown/url-policy';

const TAG = /<[a-z][^>]*>/gi;
/** The attributes the sanitizer prefixes (its `clobber` list), and the ARIA references of the same ids. */
const ID_ATTRIBUTE = / (id|name|aria-describedby|aria-labelledby)="([^"]*)"/g;
/** A link to one of the page's own anchors, as the URL policy writes it. */
const OWN_ANCHOR = / href="#user-content-/g;

/** An exported page's body: the sanitized body with the sanitizer's id prefix taken off. */
export function plainIds(html: string): string {
  return inTags(html, (tag) =>
    tag
      .replace(ID_ATTRIBUTE, (whole, name: string, value: string) =>
        // A name names an anchor only on a link (`<a name="setup">`, old pages' deep links); on an image
        // or a form it would name `document.…`, which a page pasted elsewhere might meet: kept prefixed.
        name === 'name' && !tag.startsWith('<a ') ? whole : ` ${name}="${unprefixed(value)}"`,
      )
      .replace(OWN_ANCHOR, ' href="#'),
  );
}

/** A feed entry's body: its links to the page's own anchors without the prefix, its ids kept. */
export function plainAnchors(html: string): string {
  return inTags(html, (tag) => tag.replace(OWN_ANCHOR, ' href="#'));
}

function inTags(html: string, change: (tag: string) => string): string {
  if (!html.includes(ID_PREFIX)) return html;
  return html.replace(TAG, (tag) => (tag.includes(ID_PREFIX) ? change(tag) : tag));
}

function unprefixed(value: string): string {
  return value
    .split(' ')
    .map((token) => (token.startsWith(ID_PREFIX) ? token.slice(ID_PREFIX.length) : token))
    .join(' ');
}
