/**
 * Exporting from the app: the open post as one HTML page (a download in the browser, a save
 * dialog on the desktop) and whether the site dialog is open. Exports read the disk, so unsaved
 * edits are named rather than silently left out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BlogApi } from '../../shared/api/contract';
import type { DesktopApi } from '../../shared/api/desktop';
import { postExportedLine, UNSAVED_EXPORT_NOTE } from '../state/export';

/** What the export bar shows after an export of one post. */
export interface ExportNotice {
  tone: 'info' | 'error';
  text: string;
  /** Things left out of the page, one line each. */
  details?: string[];
}

/** The export controls the bar and the menu use. */
export interface ExportControls {
  canExportPost: boolean;
  busy: boolean;
  notice: ExportNotice | null;
  exportHtml: () => void;
  dismiss: () => void;
  siteOpen: boolean;
  openSite: () => void;
  closeSite: () => void;
}

/** What the hook needs: the backend, the open post and whether it holds unsaved edits. */
export interface UseExportOptions {
  api: BlogApi;
  desktop: DesktopApi | null;
  postId: string | null;
  dirty: boolean;
}

/** Export state and actions, with Ctrl/Cmd+E in browser mode (the desktop menu owns it there). */
export function useExport({ api, desktop, postId, dirty }: UseExportOptions): ExportControls {
  const [busy, setBusy] = useState(false);
  // A notice about one post means nothing once another post is open: it is kept with its post.
  const [noticeOf, setNoticeOf] = useState<{ postId: string; notice: ExportNotice } | null>(null);
  const [siteOpen, setSiteOpen] = useState(false);
  const running = useRef(false);

  const exportHtml = useCallback((): void => {
    if (postId === null || running.current) return;
    running.current = true;
    setBusy(true);
    const setNotice = (notice: ExportNotice | null): void => setNoticeOf(notice === null ? null : { postId, notice });
    setNotice(dirty ? { tone: 'info', text: UNSAVED_EXPORT_NOTE } : null);
    const run = desktop === null ? download(api, postId) : saveToFile(desktop, postId);
    void run.then((result) => {
      running.current = false;
      setBusy(false);
      if (result === null) return;
      setNotice(
        dirty && result.tone === 'info' ? { ...result, text: `${result.text} ${UNSAVED_EXPORT_NOTE}` } : result,
      );
    });
  }, [api, desktop, postId, dirty]);

  useEffect(() => {
    if (desktop !== null) return;
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        exportHtml();
      }
    };
    // Capture: the Markdown editor stops the propagation of keys it handles.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [desktop, exportHtml]);

  return {
    canExportPost: postId !== null,
    busy,
    notice: noticeOf !== null && noticeOf.postId === postId ? noticeOf.notice : null,
    exportHtml,
    dismiss: () => setNoticeOf(null),
    siteOpen,
    openSite: () => setSiteOpen(true),
    closeSite: () => setSiteOpen(false),
  };
}

async function download(api: BlogApi, postId: string): Promise<ExportNotice> {
  const page = await api.exportPostHtml(postId);
  if (!page.ok) return { tone: 'error', text: `${page.error.message} ${page.error.hint ?? ''}`.trim() };
  const url = URL.createObjectURL(new Blob([page.value.html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = page.value.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is only needed until then.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const warnings = page.value.warnings;
  return { tone: 'info', text: postExportedLine(page.value.fileName, warnings.length), details: warnings };
}

async function saveToFile(desktop: DesktopApi, postId: string): Promise<ExportNotice | null> {
  const saved = await desktop.exportPostToFile(postId);
  if (!saved.ok) return { tone: 'error', text: `${saved.error.message} ${saved.error.hint ?? ''}`.trim() };
  return saved.value === null ? null : { tone: 'info', text: postExportedLine(saved.value.file, 0) };
}
