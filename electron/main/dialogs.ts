/** Texts and decisions of the main process's native dialogs, kept apart from Electron calls. */
import type { MessageBoxSyncOptions, OpenDialogOptions } from 'electron';

/** Asked when the page holds unsaved edits and is about to unload (close, reload). */
export const UNSAVED_CHANGES_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Unsaved changes',
  message: 'You have unsaved changes. Leave without saving?',
  detail: 'Your edits since the last save will be lost.',
  buttons: ['Leave', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/** Whether the author chose to leave (the first button); anything else keeps the page. */
export function leaveChosen(response: number): boolean {
  return response === 0;
}

/** The folder picker. */
export const OPEN_FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Open Posts Folder',
  buttonLabel: 'Open Folder',
  properties: ['openDirectory', 'createDirectory'],
};

/** The chosen folder, or null when the picker was cancelled. */
export function chosenFolder(result: { canceled: boolean; filePaths: string[] }): string | null {
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}
