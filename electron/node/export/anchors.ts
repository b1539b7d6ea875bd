/**
 * Plain ids on exported pages. The sanitizer prefixes every id and name a post carries
 * (`## Setup` gets `id="user-content-setup"`) so that no post can clobber a global the preview's
 * own scripts read (`window.postwright`, `document.forms`): the preview is a live page of ours.
 * An exported page runs no script at all (its Content-Security-Policy allows none, ./html.ts), so
 * there is nothing to clobber, while the prefix breaks every deep link readers and other sites
 * already have into the blog (`/posts/setup/#installing`: GitHub-style slugs, as Hugo writes a
 * heading's id). The page therefore drops the prefix, from the ids and names and from the links
 * and ARIA references that point at them: ours (`#user-content-x`, other posts'
 * `../other/#user-content-x`) and only ours, never a URL with a scheme or a host.
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
/** A link to an anchor: what comes before the `#`, when the fragment is one of ours. */
const ANCHOR_HREF = / href="([^"#]*)#user-content-/g;
/** A URL with a scheme or a host: another site's, whose anchors are not ours. */
const ELSEWHERE = /^([a-z][a-z\d+.-]*:|\/\/)/i;

/** The exported page's body: the sanitized body with the sanitizer's id prefix taken off. */
export function plainIds(html: string): string {
  if (!html.includes(ID_PREFIX)) return html;
  return html.replace(TAG, (tag) =>
    tag.includes(ID_PREFIX)
      ? tag
          .replace(ID_ATTRIBUTE, (_whole, name: string, value: string) => ` ${name}="${unprefixed(value)}"`)
          .replace(ANCHOR_HREF, (whole, before: string) => (ELSEWHERE.test(before) ? whole : ` href="${before}#`))
      : tag,
  );
}

function unprefixed(value: string): string {
  return value
    .split(' ')
    .map((token) => (token.startsWith(ID_PREFIX) ? token.slice(ID_PREFIX.length) : token))
    .join(' ');
}
