/**
 * The only `ipcMain` user. One handler per contract method; each checks that the message comes
 * from the main frame of a window we created, showing our own page, before dispatching.
 */
import { API_METHODS, CHANNELS, fail, type BlogApi, type Result } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, DESKTOP_METHODS, type DesktopApi } from '../../shared/api/desktop';
import { idProblem } from '../../shared/api/ids';
import { isDesktopMethod } from '../../shared/api/validate';
import { dispatch } from '../node/dispatch';
import { isAppDocumentUrl } from './app-url';

/** Longest link the renderer may ask the system to open, in UTF-8 bytes. */
export const MAX_OPEN_EXTERNAL_BYTES = 8 * 1024;

/** What the sender check reads of a frame (`WebFrameMain` satisfies it). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId?: number;
  readonly routingId?: number;
}

/** The invoke event as the handlers see it. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null | undefined;
}

/** The part of `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  // A frame object may be re-wrapped; process and routing ids name the same frame host.
  return (
    typeof a.processId === 'number' &&
    typeof a.routingId === 'number' &&
    a.processId === b.processId &&
    a.routingId === b.routingId
  );
}

/** Whether a message's sender frame is the main frame of one of our windows, showing the app. */
export function senderAllowed(frame: FrameLike | null | undefined, ownWindowFrames: Iterable<FrameLike>): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  if (!isAppDocumentUrl(frame.url)) return false;
  for (const own of ownWindowFrames) if (sameFrame(own, frame)) return true;
  return false;
}

const REFUSED = fail('INVALID_ARGUMENT', 'This request did not come from the Postwright window.');

/** Validates a desktop call's arguments and runs it. */
export async function dispatchDesktop(desktop: DesktopApi, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isDesktopMethod(method)) return fail('INVALID_ARGUMENT', 'Unknown desktop method.');
  if (!Array.isArray(args)) return fail('INVALID_ARGUMENT', `${method}: arguments must be a list`);
  if (method === 'openFolder') {
    return args.length === 0 ? desktop.openFolder() : fail('INVALID_ARGUMENT', 'openFolder: expected 0 argument(s)');
  }
  if (method === 'chooseFolder') {
    return args.length === 0
      ? desktop.chooseFolder()
      : fail('INVALID_ARGUMENT', 'chooseFolder: expected 0 argument(s)');
  }
  if (method === 'exportPostToFile') {
    const [id] = args as unknown[];
    const problem = args.length === 1 ? idProblem(id, { requireMarkdown: true }) : 'expected one post id';
    return problem === null && typeof id === 'string'
      ? desktop.exportPostToFile(id)
      : fail('INVALID_ARGUMENT', `exportPostToFile: ${problem ?? 'expected one post id'}`);
  }
  const [url] = args as unknown[];
  if (args.length !== 1 || typeof url !== 'string') {
    return fail('INVALID_ARGUMENT', 'openExternal: expected one link (a string)');
  }
  if (Buffer.byteLength(url, 'utf8') > MAX_OPEN_EXTERNAL_BYTES)
    return fail('INVALID_ARGUMENT', 'openExternal: the link is too long');
  return desktop.openExternal(url);
}

/** Registers one handler per API and desktop method; untrusted senders get a refusal value. */
export function registerIpc(
  ipcMain: IpcMainLike,
  getApi: () => BlogApi,
  isTrustedSender: (frame: FrameLike | null | undefined) => boolean,
  desktop: DesktopApi,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(CHANNELS[method], async (event, ...args) =>
      isTrustedSender(event.senderFrame) ? dispatch(getApi(), method, args) : REFUSED,
    );
  }
  for (const method of DESKTOP_METHODS) {
    ipcMain.handle(DESKTOP_CHANNELS[method], async (event, ...args) =>
      isTrustedSender(event.senderFrame) ? dispatchDesktop(desktop, method, args) : REFUSED,
    );
  }
}
