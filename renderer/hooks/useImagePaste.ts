/**
 * Paste or drop an image into the Markdown editor: it is written where the blog keeps images
 * and `![alt](path)` goes in at the cursor. Listens on the document so the editor stays untouched.
 */
import { useEffect, useRef } from 'react';
import type { ApiError, BlogApi } from '../../shared/api/contract';
import { altFromFileName, bytesToBase64, insertAt, isPastableImage, markdownImage } from '../state/images';

/** What the hook needs of the open post. */
export interface ImageTarget {
  postId: string;
  readOnly: boolean;
  /** The body now (read when the image lands, not when it was pasted). */
  body: () => string;
  setBody: (body: string) => void;
  onError: (error: ApiError) => void;
}

function editorArea(target: EventTarget | null): HTMLTextAreaElement | null {
  if (!(target instanceof Element)) return null;
  const pane = target.closest('.markdown-pane');
  return pane?.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]') ?? null;
}

function imageFiles(data: DataTransfer | null): File[] {
  return data === null ? [] : [...data.files].filter(isPastableImage);
}

/** Wires paste and drop of images into the editor of `target`'s post. */
export function useImagePaste(api: Pick<BlogApi, 'saveImage'>, target: ImageTarget | null): void {
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  });
  useEffect(() => {
    const place = async (area: HTMLTextAreaElement, files: File[]): Promise<void> => {
      let start = area.selectionStart;
      let end = area.selectionEnd;
      for (const file of files) {
        const now = latest.current;
        if (now === null || now.readOnly) return;
        const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        const saved = await api.saveImage({ postId: now.postId, fileName: file.name || 'image.png', dataBase64 });
        if (!saved.ok) {
          now.onError(saved.error);
          return;
        }
        const link = markdownImage(altFromFileName(file.name || 'image.png'), saved.value.markdownPath);
        const next = insertAt(now.body(), start, end, link);
        now.setBody(next.text);
        start = end = next.cursor;
        requestAnimationFrame(() => area.setSelectionRange(next.cursor, next.cursor));
      }
    };
    const handle = (event: Event, data: DataTransfer | null): void => {
      const area = editorArea(event.target);
      const files = imageFiles(data);
      if (area === null || files.length === 0 || latest.current === null || latest.current.readOnly) return;
      event.preventDefault();
      void place(area, files);
    };
    const onPaste = (event: ClipboardEvent): void => handle(event, event.clipboardData);
    const onDrop = (event: DragEvent): void => handle(event, event.dataTransfer);
    const onDragOver = (event: DragEvent): void => {
      if (editorArea(event.target) !== null && event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    document.addEventListener('paste', onPaste, true);
    document.addEventListener('drop', onDrop, true);
    document.addEventListener('dragover', onDragOver, true);
    return () => {
      document.removeEventListener('paste', onPaste, true);
      document.removeEventListener('drop', onDrop, true);
      document.removeEventListener('dragover', onDragOver, true);
    };
  }, [api]);
}
