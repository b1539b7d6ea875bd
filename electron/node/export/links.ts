/**
 * Links from a post to local files. A link to another exported post becomes a link to its page
 * (./plan.ts linkResolver); a link to a file inside the posts folder (a PDF, an archive, a
 * sound…) is copied like an image (./assets.ts: never outside the posts folder, never through a
 * link leading out, within the same size limit) and the link points at the copy. A link to a
 * post left out (a draft), to a missing file, to a folder, or to a file the export will not
 * publish is left as written (it may mean something on the author's server, and the preview
 * shows it so) with a warning naming the link. Links with a scheme,
 * site-absolute paths (`/about/`) and in-page anchors are not local files and stay as they are.
 */
import path from 'node:path';
import { decodeSource, locateInside, place, type AssetSink } from './assets';
import { relativeHref } from './paths';
import { isInside } from '../store/paths';

/**
 * Linked files the export copies: documents, data, archives and media. Anything a browser would
 * run when opened from the published site (HTML, SVG, XML, scripts, server pages) is not copied.
 */
const LINKABLE = new Set([
  ...['pdf', 'txt', 'csv', 'tsv', 'json', 'rtf', 'epub', 'mobi'],
  ...['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'key', 'pages', 'numbers'],
  ...['zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'tar', 'rar'],
  ...['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico'],
  ...['mp3', 'm4a', 'ogg', 'oga', 'opus', 'wav', 'flac', 'mp4', 'm4v', 'webm', 'mov', 'ogv'],
]);
const POST_FILE = /\.(md|markdown)$/i;

/** One post's local links as its render resolves them. */
export interface PostLinks {
  /** For the pipeline's `resolveLink`: the page or copy to link to, or null (left as written). */
  resolve: (href: string) => string | null;
  /** One warning per link that will not work, saying why. */
  warnings: () => string[];
}

/** Where the linking post is and what its links can reach. */
export interface LinkScope {
  /** The post's real folder. */
  postFolder: string;
  /** The output-relative file of the page being written. */
  pageFile: string;
  sink: AssetSink;
  /** Links to the site's other pages; without it (a one-post export) links to posts stay as written. */
  pages?: (href: string) => string | null;
}

/** A resolver for the relative links of one post. */
export function postLinks(scope: LinkScope): PostLinks {
  const problems = new Map<string, string>();
  const refuse = (href: string, problem: string): null => {
    if (!problems.has(href)) problems.set(href, `link "${href}" will not work on the exported page: ${problem}`);
    return null;
  };
  /** A link to a page bundle's folder (`trip/`) goes to its `index.md`'s page. */
  const folderPage = (href: string, base: string): string | null => {
    if (scope.pages === undefined) return null;
    const folder = base.endsWith('/') ? base : `${base}/`;
    const rest = href.slice(base.length).replace(/^\?[^#]*/, '');
    for (const index of ['index.md', '_index.md', 'index.markdown']) {
      const page = scope.pages(`${folder}${index}${rest}`);
      if (page !== null) return page;
    }
    return null;
  };
  return {
    resolve: (href) => {
      const page = scope.pages?.(href) ?? null;
      if (page !== null) return page;
      const cut = href.search(/[?#]/);
      const base = cut === -1 ? href : href.slice(0, cut);
      // Not a file: a query or fragment alone, or a path on the site's server.
      if (base === '' || base.startsWith('/')) return null;
      const decoded = decodeSource(base);
      const abs = path.resolve(scope.postFolder, decoded);
      if (!isInside(scope.sink.postsRoot, abs)) return refuse(href, 'it is outside the posts folder');
      const found = locateInside(abs, scope.sink);
      if (POST_FILE.test(decoded)) {
        if (typeof found !== 'string') return refuse(href, 'there is no such post');
        if (scope.pages === undefined) return null;
        return refuse(href, 'that post is not exported (a draft, or its front matter does not parse)');
      }
      if (typeof found !== 'string') return folderPage(href, base) ?? refuse(href, found.problem);
      const rel = path.relative(scope.sink.postsRoot, found).split(path.sep);
      if (rel.some((segment) => segment.startsWith('.'))) return refuse(href, 'hidden files are not exported');
      const ext = path.extname(found).slice(1).toLowerCase();
      if (!LINKABLE.has(ext)) return refuse(href, `".${ext}" files are not copied into the export`);
      if (scope.sink.mode === 'inline') return refuse(href, 'a single-file page cannot carry linked files');
      const fragment = cut === -1 ? '' : href.slice(cut).replace(/^\?[^#]*/, '');
      return relativeHref(scope.pageFile, place(found, scope.sink)) + fragment;
    },
    warnings: () => [...problems.values()],
  };
}
