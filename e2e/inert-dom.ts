/**
 * What "inert" means for a page showing a hostile post, checked in the page itself: the preview
 * (hostile-suite.spec.ts) and the exported site (hostile-export.spec.ts) are judged by one list of
 * active elements and risky attributes. The functions here are handed to `evaluate`, so each is
 * self-contained: it may use the page's globals and its arguments, nothing from this module.
 */

/** What may stay in an inert page beyond plain text and markup. */
export interface InertRules {
  /** Link protocols a reader may follow. */
  linkProtocols: string[];
  /** Whether links and images to the page's own origin are allowed (the app serves its images). */
  sameOrigin: boolean;
  /** The image URLs allowed besides same-origin ones, as a RegExp source. */
  imageSrc: string;
  /** A selector: below a root that matches it, every `id` and `name` must carry the sanitizer's prefix. */
  prefixedIdsIn: string | null;
}

/** The preview's rules: images come from the app's own origin or inline raster data. */
export const PREVIEW_RULES: InertRules = {
  linkProtocols: ['http:', 'https:', 'mailto:'],
  sameOrigin: true,
  imageSrc: '^data:image/(png|jpe?g|gif|webp|avif);base64,',
  prefixedIdsIn: 'article > div',
};

/** An exported page's rules: opened from disk, it links and loads files beside it and remote images. */
export const EXPORT_RULES: InertRules = {
  linkProtocols: ['http:', 'https:', 'mailto:', 'file:'],
  sameOrigin: false,
  imageSrc: '^(https?:|file:|data:image/(png|jpe?g|gif|webp|avif);base64,)',
  prefixedIdsIn: null,
};

/** Everything active below `root`: elements, handlers, script URLs, unexpected loads, unprefixed ids. */
export function activeProblems(root: Element, rules: InertRules): string[] {
  const active = new Set([
    'script',
    'iframe',
    'frame',
    'object',
    'embed',
    'applet',
    'base',
    'meta',
    'link',
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'svg',
    'math',
    'template',
    'picture',
    'source',
    'video',
    'audio',
    'track',
    'portal',
    'fencedframe',
    'dialog',
    'noscript',
    'marquee',
    'area',
  ]);
  const risky =
    /^(on.*|style|srcset|srcdoc|action|formaction|ping|background|poster|contenteditable|autofocus|popover|popovertarget|target|xlink:href)$/i;
  const safeImage = new RegExp(rules.imageSrc);
  const checkIds = rules.prefixedIdsIn !== null && root.matches(rules.prefixedIdsIn);
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    const checkbox = tag === 'input' && el.getAttribute('type') === 'checkbox' && el.hasAttribute('disabled');
    if (active.has(tag) && !checkbox) problems.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const where = `${attr.name}="${attr.value.slice(0, 60)}" on <${tag}>`;
      if (risky.test(attr.name)) problems.push(where);
      if (checkIds && (attr.name === 'id' || attr.name === 'name') && !attr.value.startsWith('user-content-'))
        problems.push(where);
    }
    const ownOrigin = rules.sameOrigin && el instanceof HTMLAnchorElement && el.origin === location.origin;
    if (
      el instanceof HTMLAnchorElement &&
      el.hasAttribute('href') &&
      !rules.linkProtocols.includes(el.protocol) &&
      !ownOrigin
    )
      problems.push(`a[href=${el.href.slice(0, 60)}]`);
    const ownImage = rules.sameOrigin && el instanceof HTMLImageElement && el.src.startsWith(`${location.origin}/`);
    if (el instanceof HTMLImageElement && !ownImage && !safeImage.test(el.src))
      problems.push(`img[src=${el.src.slice(0, 60)}]`);
  }
  return problems;
}

/** Collects CSP violations from the first script that runs in a page (once per page). */
export const CSP_PROBE = (): void => {
  const w = window as unknown as { __cspViolations?: string[] };
  if (w.__cspViolations !== undefined) return;
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
};
