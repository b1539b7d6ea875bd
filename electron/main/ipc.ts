/**
 * The only `ipcMain` user. One handler per contract method; each checks that the message comes
 * from the main frame of a window we created, showing our own page, before dispatching. The
 * sending window's id goes with desktop calls and export folder tokens.
 */
import { API_METHODS, CHANNELS, fail, ok, type ApiMethod, type BlogApi, type Result } from '../../shared/api/contract';
import {
  CLOSE_ANSWERS,
  DESKTOP_CHANNELS,
  DESKTOP_METHODS,
  type CloseAnswer,
  type DesktopCalls,
  type DesktopMethod,
} from '../../shared/api/desktop';
import { idProblem } from '../../shared/api/ids';
import { isDesktopMethod } from '../../shared/api/validate';
import { dispatch } from '../node/dispatch';
import { isAppDocumentUrl } from './app-url';
import type { FolderTokens } from './folder-tokens';

/** Longest link the renderer may ask the system to open, in UTF-8 bytes. */
export const MAX_OPEN_EXTERNAL_BYTES = 8 * 1024;

/** What the sender check reads of a frame (`WebFrameMain` satisfies it). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId?: number;
  readonly routingId?: number;
}

/** The invoke event as the handlers see it: the frame that sent it, and its web contents. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null | undefined;
  /** The sending web contents; its id names the window in the desktop calls and export tokens. */
  readonly sender?: { readonly id: number };
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

type ArgsCheck = (args: unknown[]) => string | null;

const noArguments: ArgsCheck = (args) => (args.length === 0 ? null : 'expected 0 argument(s)');

/** What each desktop call accepts; null when the arguments are right. */
const DESKTOP_ARGUMENTS: { [M in DesktopMethod]: ArgsCheck } = {
  openFolder: noArguments,
  chooseFolder: noArguments,
  exportPostToFile: ([id, ...rest]) =>
    rest.length === 0 && id !== undefined ? idProblem(id, { requireMarkdown: true }) : 'expected one post id',
  openExternal: (args) => {
    const [url] = args;
    if (args.length !== 1 || typeof url !== 'string') return 'expected one link (a string)';
    return Buffer.byteLength(url, 'utf8') > MAX_OPEN_EXTERNAL_BYTES ? 'the link is too long' : null;
  },
  answerClose: (args) => {
    const [request, answer] = args;
    const valid =
      args.length === 2 &&
      Number.isSafeInteger(request) &&
      (request as number) >= 0 &&
      (CLOSE_ANSWERS as readonly unknown[]).includes(answer);
    return valid ? null : 'expected a request number and "asking", "close" or "stay"';
  },
  setEdited: (args) => (args.length === 1 && typeof args[0] === 'boolean' ? null : 'expected true or false'),
};

/** Validates a desktop call's arguments and runs it. */
export async function dispatchDesktop(desktop: DesktopCalls, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isDesktopMethod(method)) return fail('INVALID_ARGUMENT', 'Unknown desktop method.');
  if (!Array.isArray(args)) return fail('INVALID_ARGUMENT', `${method}: arguments must be a list`);
  const problem = DESKTOP_ARGUMENTS[method](args);
  if (problem !== null) return fail('INVALID_ARGUMENT', `${method}: ${problem}`);
  // The arguments were checked above, one method each.
  switch (method) {
    case 'openFolder':
      return desktop.openFolder();
    case 'chooseFolder':
      return desktop.chooseFolder();
    case 'exportPostToFile':
      return desktop.exportPostToFile(args[0] as string);
    case 'answerClose':
      return desktop.answerClose(args[0] as number, args[1] as CloseAnswer);
    case 'setEdited':
      return desktop.setEdited(args[0] as boolean);
    case 'openExternal':
      return openExternal(desktop, args[0] as string);
  }
}

/** The one way a link from the page reaches the system: the desktop API applies the allowlist. */
function openExternal(desktop: DesktopCalls, url: string): Promise<Result<null>> {
  return desktop.openExternal(url);
}

/**
 * In the desktop app the main process owns the export folder: `exportSite` names it by a token
 * this window got from `chooseFolder`, which becomes the folder's path here. Other calls pass as
 * they are; the contract's validators check every shape afterwards.
 */
export function gateArguments(
  method: ApiMethod,
  args: unknown[],
  caller: number,
  folders: FolderTokens,
): Result<unknown[]> {
  const [request] = args;
  // Anything but a plain request object is left for the validator to refuse.
  const plain = typeof request === 'object' && request !== null && Object.getPrototypeOf(request) === Object.prototype;
  if (method !== 'exportSite' || !plain || !('outDir' in request)) return ok(args);
  const folder = folders.resolve(caller, request.outDir);
  if (!folder.ok) return fail(folder.error.code, `exportSite: ${folder.error.message}`, folder.error.hint);
  return ok([{ ...request, outDir: folder.value }, ...args.slice(1)]);
}

/** What the IPC handlers are wired to. */
export interface IpcWiring {
  /** The API over the open folder. */
  getApi: () => BlogApi;
  /** Whether a message comes from the main frame of one of our windows. */
  isTrustedSender: (frame: FrameLike | null | undefined) => boolean;
  /** The desktop calls as window `caller` (its web contents id) makes them. */
  desktopFor: (caller: number) => DesktopCalls;
  /** The export folders chosen per window. */
  folders: FolderTokens;
}

/** Registers one handler per API and desktop method; untrusted senders get a refusal value. */
export function registerIpc(ipcMain: IpcMainLike, wiring: IpcWiring): void {
  const callerOf = (event: InvokeEventLike): number | null =>
    wiring.isTrustedSender(event.senderFrame) && typeof event.sender?.id === 'number' ? event.sender.id : null;
  for (const method of API_METHODS) {
    ipcMain.handle(CHANNELS[method], async (event, ...args) => {
      const caller = callerOf(event);
      if (caller === null) return REFUSED;
      const gated = gateArguments(method, args, caller, wiring.folders);
      return gated.ok ? dispatch(wiring.getApi(), method, gated.value) : gated;
    });
  }
  for (const method of DESKTOP_METHODS) {
    ipcMain.handle(DESKTOP_CHANNELS[method], async (event, ...args) => {
      const caller = callerOf(event);
      return caller === null ? REFUSED : dispatchDesktop(wiring.desktopFor(caller), method, args);
    });
  }
}
