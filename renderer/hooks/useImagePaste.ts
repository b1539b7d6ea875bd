/**
 * Paste or drop an image into the Markdown editor: it is written where the blog keeps images
 * and `![alt](path)` goes in where it was pasted. Listens on the document so the editor stays
 * untouched.
 *
 * The upload takes a while (seconds for a large screenshot) and the author keeps writing. So a
 * placeholder (`![Uploading shot.png…]()`) goes into the textarea at once, as an edit like any
 * typed one, and the link later replaces that very placeholder wherever typing has moved it: never
 * an offset taken at paste time, never in another post, and the caret stays where the author has it.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ApiError, BlogApi } from '../../shared/api/contract';
import { historyOf } from '../preview/editHistory';
import {
  altFromFileName,
  bytesToBase64,
  insertPlaceholders,
  isPastableImage,
  isPasted,
  markdownImage,
  refusedFiles,
  replacePlaceholder,
} from '../state/images';

/** What the hook needs of the open post. */
export interface ImageTarget {
  readOnly: boolean;
  /** The post open now and its text with every key typed so far (read when an image lands). */
  now: () => { postId: string | null; body: string };
  /** An image is on its way (a previous error no longer applies). */
  onStart: () => void;
  onError: (error: ApiError) => void;
}

const MARKDOWN_AREA = 'textarea[aria-label="Markdown"]';

function editorArea(target: EventTarget | null): HTMLTextAreaElement | null {
  if (!(target instanceof Element)) return null;
  const pane = target.closest('.markdown-pane');
  return pane?.querySelector<HTMLTextAreaElement>(MARKDOWN_AREA) ?? null;
}

/** The editor's textarea now: the one pasted into, unless it has since left the page. */
function liveArea(pasted: HTMLTextAreaElement): HTMLTextAreaElement | null {
  return pasted.isConnected ? pasted : document.querySelector<HTMLTextAreaElement>(`.markdown-pane ${MARKDOWN_AREA}`);
}

/** Tells the editor of a change made from here, as a typed one is told (PlainTextarea's input listener). */
function announce(area: HTMLTextAreaElement): void {
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Puts `insert` over the textarea's selection, the caret after it, as the author's own edit:
 * through the browser's editing (its input event, as the toolbar's commands do) when the textarea
 * has the focus, else written directly and announced. The editor's undo history records it either
 * way (../preview/editHistory.ts), as a step of its own.
 */
function typeIn(area: HTMLTextAreaElement, insert: string): void {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- what the editor's toolbar commands use; Chrome keeps it
  if (document.activeElement === area && document.execCommand('insertText', false, insert)) return;
  area.setRangeText(insert, area.selectionStart, area.selectionEnd, 'end');
  announce(area);
}

/**
 * Replaces `placeholder` in the textarea of post `postId` by `replacement` when that post is still
 * open and the placeholder still in its text; the author's selection stays on the text it was on.
 * Either way the placeholder is done with: the editor's undo history never brings it back.
 */
function resolve(
  pasted: HTMLTextAreaElement,
  target: ImageTarget | null,
  postId: string,
  placeholder: string,
  replacement: string,
): boolean {
  if (place(pasted, target, postId, placeholder, replacement)) return true;
  // Not in the text now (undone, cut, or the post left): no undo or redo may put it back either.
  const area = liveArea(pasted);
  if (area !== null) historyOf(area)?.forget(placeholder);
  return false;
}

function place(
  pasted: HTMLTextAreaElement,
  target: ImageTarget | null,
  postId: string,
  placeholder: string,
  replacement: string,
): boolean {
  const now = target?.now();
  const area = liveArea(pasted);
  if (target === null || target.readOnly || now?.postId !== postId || area === null) return false;
  // The textarea must hold this post's text: the placeholder in both, or it is not this paste's.
  if (!now.body.includes(placeholder)) return false;
  const selection = { start: area.selectionStart, end: area.selectionEnd };
  const direction = area.selectionDirection;
  const next = replacePlaceholder(area.value, placeholder, replacement, selection);
  if (next === null) return false;
  // In the undo history too, the placeholder was the link from the paste on: undoing what was typed
  // since leaves the link, undoing the paste takes it away, and no placeholder comes back.
  historyOf(area)?.rewrite(next.from, next.to, replacement);
  area.setRangeText(replacement, next.from, next.to);
  area.setSelectionRange(next.start, next.end, direction);
  announce(area);
  return true;
}

/** Wires paste and drop of images into the editor of `target`'s post. */
export function useImagePaste(api: Pick<BlogApi, 'saveImage'>, target: ImageTarget | null): void {
  const latest = useRef(target);
  // In the commit that shows another post, not after its paint: an image landing between the two
  // must not take the new post's textarea for the old one's.
  useLayoutEffect(() => {
    latest.current = target;
  });
  useEffect(() => {
    // Placeholders of uploads on their way: a second paste of another `image.png` gets one of its own.
    const uploading = new Set<string>();
    // While an input method composes in the editor, writing into the textarea would end the
    // composition (or mangle it): a link waits until the composed text is in.
    let composed: Promise<void> | null = null;
    let endComposition = (): void => undefined;
    const onCompositionStart = (event: Event): void => {
      if (editorArea(event.target) === null || composed !== null) return;
      composed = new Promise((done) => (endComposition = done));
    };
    const onCompositionEnd = (): void => {
      composed = null;
      endComposition();
    };
    const notComposing = async (): Promise<void> => {
      while (composed !== null) await composed;
    };
    const upload = async (area: HTMLTextAreaElement, postId: string, files: File[], placeholders: string[]) => {
      let done = 0;
      try {
        for (const [index, file] of files.entries()) {
          const placeholder = placeholders[index] ?? '';
          const now = latest.current;
          if (now === null || now.readOnly || now.now().postId !== postId) return;
          const name = file.name || 'image.png';
          const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
          const saved = await api.saveImage({ postId, fileName: name, dataBase64 });
          if (!saved.ok) {
            latest.current?.onError(saved.error);
            return;
          }
          const link = markdownImage(altFromFileName(name), saved.value.markdownPath);
          await notComposing();
          if (!resolve(area, latest.current, postId, placeholder, link)) {
            // Its place is gone (the post left, or the placeholder edited away): say where the image is.
            latest.current?.onError({
              code: 'CONFLICT',
              message: `The image was saved as ${saved.value.markdownPath}, but where it was pasted is no longer in the post, so no link was added.`,
              hint: `Add it where it belongs: ${link}`,
            });
          }
          done = index + 1;
        }
      } finally {
        // An image that failed, and those after it, leave nothing behind in the text.
        if (done < placeholders.length) await notComposing();
        for (const placeholder of placeholders.slice(done)) resolve(area, latest.current, postId, placeholder, '');
        for (const placeholder of placeholders) uploading.delete(placeholder);
      }
    };
    const handle = (event: Event, data: DataTransfer | null): void => {
      const area = editorArea(event.target);
      const given = data === null ? [] : [...data.files];
      if (area === null || given.length === 0) return;
      // The editor accepts dropped files (onDragOver): one not taken must not be opened by the
      // browser in place of the app.
      if (event.type === 'drop') event.preventDefault();
      const now = latest.current;
      // A read-only textarea (a read-only post, or another post being read) takes no image.
      if (area.readOnly || now === null || now.readOnly) return;
      const postId = now.now().postId;
      if (postId === null) return;
      const files = given.filter(isPasted);
      // Files refused are said so, never dropped in silence (nor read and sent, only to be refused).
      const refused = refusedFiles(given);
      // A paste of files that are no images, also carrying text (a file manager's copy: their names),
      // pastes the text as before. An image too large is meant as an image: it is refused in words.
      const textToo =
        event.type === 'paste' && !given.some(isPastableImage) && data?.types.includes('text/plain') === true;
      if (files.length === 0 && (refused === null || textToo)) return;
      event.preventDefault();
      now.onStart();
      if (refused !== null) now.onError(refused);
      if (files.length === 0) return;
      const names = files.map((file) => file.name || 'image.png');
      const { placeholders } = insertPlaceholders(area.value, area.selectionStart, area.selectionEnd, names, uploading);
      for (const placeholder of placeholders) uploading.add(placeholder);
      typeIn(area, placeholders.join(''));
      void upload(area, postId, files, placeholders);
    };
    const onPaste = (event: ClipboardEvent): void => handle(event, event.clipboardData);
    const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;
    const onDrop = (event: DragEvent): void => {
      if (editorArea(event.target) !== null) handle(event, event.dataTransfer);
      // Beside the editor (a screenshot dropped a little off it), the browser would open the file in
      // place of the app: the drop is refused instead.
      else if (carriesFiles(event)) event.preventDefault();
    };
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event) || event.dataTransfer === null) return;
      event.preventDefault();
      // Only the editor takes files; elsewhere the pointer says so.
      if (editorArea(event.target) === null) event.dataTransfer.dropEffect = 'none';
    };
    document.addEventListener('paste', onPaste, true);
    document.addEventListener('drop', onDrop, true);
    document.addEventListener('dragover', onDragOver, true);
    document.addEventListener('compositionstart', onCompositionStart, true);
    document.addEventListener('compositionend', onCompositionEnd, true);
    return () => {
      document.removeEventListener('paste', onPaste, true);
      document.removeEventListener('drop', onDrop, true);
      document.removeEventListener('dragover', onDragOver, true);
      document.removeEventListener('compositionstart', onCompositionStart, true);
      document.removeEventListener('compositionend', onCompositionEnd, true);
      // Uploads still waiting on a composition are not left hanging.
      onCompositionEnd();
    };
  }, [api]);
}
