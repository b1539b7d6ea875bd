/**
 * The preload: the whole bridge between the sandboxed page and the main process. It exposes
 * named functions only, never `ipcRenderer` itself or an IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge, buildEvents, type Subscribe } from './bridge';

const subscribe: Subscribe = (channel, handler) => {
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => handler(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

const { blog, desktop } = buildBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args), subscribe);

const blogEvents = buildEvents(subscribe);

contextBridge.exposeInMainWorld('blog', blog);
contextBridge.exposeInMainWorld('blogEvents', blogEvents);
contextBridge.exposeInMainWorld('desktop', desktop);
