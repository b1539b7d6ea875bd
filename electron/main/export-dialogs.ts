/** Texts of the export's native dialogs, kept apart from Electron calls. */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';

/** Where to save one post as an HTML page. */
export function saveHtmlDialog(defaultPath: string): SaveDialogOptions {
  return {
    title: 'Export HTML',
    buttonLabel: 'Export',
    defaultPath,
    filters: [{ name: 'Web page', extensions: ['html'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The folder a site export goes into. */
export const EXPORT_FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Export Site To',
  buttonLabel: 'Choose',
  properties: ['openDirectory', 'createDirectory'],
};

/** The chosen file with an `.html` ending, or null when the dialog was cancelled. */
export function chosenHtmlFile(result: { canceled: boolean; filePath?: string }): string | null {
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return /\.html?$/i.test(result.filePath) ? result.filePath : `${result.filePath}.html`;
}
