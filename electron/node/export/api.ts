/**
 * The export part of the BlogApi: one post as a single-file page held in memory (browser mode
 * downloads it), and the whole folder as a static site whose progress goes out as events.
 */
import path from 'node:path';
import { fail, ok, type BlogApi, type Result, type SiteExportSummary } from '../../../shared/api/contract';
import type { BlogEvents, EventName } from '../../../shared/api/events';
import type { PostStore } from '../store/store';

// The Markdown pipeline (markdown-it, the highlighter's languages, the sanitizer) is loaded on the
// first export, not at start-up: it was most of the ~300 ms the browser-mode server took to start.
const loadPost = (): Promise<typeof import('./post')> => import('./post');
const loadSite = (): Promise<typeof import('./site')> => import('./site');

/** How long after the folder's first listing the export's pipeline is loaded, in ms (the page draws the list first). */
export const PREPARE_AFTER_MS = 2000;

/**
 * Loads the export's pipeline ahead of the first export (~0.2 s), PREPARE_AFTER_MS after `listed`
 * settles, so that export does not wait for it. A failure shows at the export itself.
 */
export function prepareExportAfter(listed: Promise<unknown>): void {
  void listed
    .then(() => new Promise((resolve) => setTimeout(resolve, PREPARE_AFTER_MS).unref()))
    .then(() => Promise.all([loadSite(), loadPost()]))
    .catch(() => undefined);
}

/** What the export methods need beyond the store. */
export interface ExportApiOptions {
  /** Pushes `exportProgress` to the UI; without it a site export runs silently. */
  emit: (<E extends EventName>(event: E, payload: BlogEvents[E]) => void) | undefined;
  now: () => Date;
  /** The app's data folder: site exports keep their render cache in it (none without it). */
  dataDir?: string;
}

/** Export methods over `store`. */
export function exportApi(store: PostStore, options: ExportApiOptions): Pick<BlogApi, 'exportPostHtml' | 'exportSite'> {
  // One site export at a time: two would race to replace the same output folder.
  let running = false;
  return {
    async exportPostHtml(id) {
      const { renderPostHtml } = await loadPost();
      const page = await renderPostHtml({ postsDir: store.root, postId: id });
      if (!page.ok) return page;
      return ok({ fileName: page.value.fileName, html: page.value.html, warnings: page.value.warnings });
    },
    async exportSite(request) {
      if (!path.isAbsolute(request.outDir)) {
        return fail(
          'INVALID_ARGUMENT',
          `The output folder "${request.outDir}" is not a full path.`,
          'Choose the folder, or type its full path (for example /home/me/site).',
        );
      }
      if (running) return fail('CONFLICT', 'A site export is already running.', 'Wait for it to finish.');
      running = true;
      try {
        return await runSiteExport(store, request, options);
      } finally {
        running = false;
      }
    },
  };
}

async function runSiteExport(
  store: PostStore,
  request: Parameters<BlogApi['exportSite']>[0],
  options: ExportApiOptions,
): Promise<Result<SiteExportSummary>> {
  const started = options.now().getTime();
  const { exportSite } = await loadSite();
  const report = await exportSite({
    postsDir: store.root,
    outDir: request.outDir,
    drafts: request.drafts,
    keepOtherFiles: request.keepOtherFiles === true,
    siteUrl: request.siteUrl === undefined || request.siteUrl.trim() === '' ? undefined : request.siteUrl,
    siteTitle:
      request.siteTitle === undefined || request.siteTitle.trim() === '' ? undefined : request.siteTitle.trim(),
    onProgress: (done, total) => options.emit?.('exportProgress', { done, total }),
    now: () => options.now().getTime() - started,
    ...(options.dataDir === undefined ? {} : { renderCache: { dataDir: options.dataDir } }),
  });
  if (!report.ok) return report;
  return ok({ outDir: path.resolve(request.outDir), ...report.value });
}
