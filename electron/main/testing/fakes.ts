/**
 * Recording stand-ins for the Electron objects the wiring functions receive. Electron cannot run
 * here; these record what was registered so tests can fire the events and read the decisions.
 */
import type { GuardedContents, NavigationEvent } from '../window';
import type { SessionLike } from '../session';
import type { IpcMainLike, InvokeEventLike } from '../ipc';

/** A navigation (or webview, or download) event that remembers whether it was prevented. */
export interface FakeEvent extends NavigationEvent {
  prevented: boolean;
}

/** Builds a fake event for `url`. */
export function fakeEvent(url = '', isMainFrame = true): FakeEvent {
  const event: FakeEvent = {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

type Listener = (event: FakeEvent) => void;

/** A web contents that records listeners and the window-open handler. */
export class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** Fires `name` like Electron would and returns the event, to read `prevented`. */
  emit(name: string, event: FakeEvent): FakeEvent {
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return event;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

type Headers = Record<string, string[] | string>;
type HeadersListener = (
  details: { url: string; responseHeaders?: Headers },
  callback: (response: { responseHeaders?: Headers }) => void,
) => void;

/** A session that records its handlers. */
export class FakeSession implements SessionLike {
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheckHandler: ((wc: unknown, permission: string) => boolean) | null = null;
  readonly downloadListeners: ((event: { preventDefault(): void }) => void)[] = [];
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  on(_event: 'will-download', listener: (event: { preventDefault(): void }) => void): this {
    this.downloadListeners.push(listener);
    return this;
  }
}

/** An ipcMain that records handlers by channel, to call them like a renderer would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  /** Calls the handler of `channel` as if `event` sent `args`. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}
