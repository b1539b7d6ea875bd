/** Texts and decisions of the main process's native dialogs, kept apart from Electron calls. */
import type { MessageBoxSyncOptions, OpenDialogOptions } from 'electron';

/** Asked when the page holds unsaved edits and is about to unload for another reason (a reload). */
export const UNSAVED_CHANGES_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Unsaved changes',
  message: 'You have unsaved changes. Leave without saving?',
  detail:
    'Postwright keeps unsaved edits in its journal about a second after you stop typing, and offers them ' +
    'again the next time this folder is opened.',
  buttons: ['Leave', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/** Asked instead of the page's own question when the page does not answer (hung or crashed). */
export const NOT_ANSWERING_DIALOG: MessageBoxSyncOptions = {
  ...UNSAVED_CHANGES_DIALOG,
  message: 'This window is not responding and may have unsaved changes. Leave anyway?',
  detail:
    'Edits made more than about a second before it stopped responding are kept in the journal and offered ' +
    'again the next time this folder is opened. Choose Stay to wait for the window.',
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
