import { describe, expect, it } from 'vitest';
import { chosenFolder, leaveChosen, NOT_ANSWERING_DIALOG, OPEN_FOLDER_DIALOG, UNSAVED_CHANGES_DIALOG } from './dialogs';

describe('the unsaved-changes dialog', () => {
  it('asks the question with Leave and Stay, Stay being the safe default', () => {
    expect(UNSAVED_CHANGES_DIALOG.message).toBe('You have unsaved changes. Leave without saving?');
    expect(UNSAVED_CHANGES_DIALOG.buttons).toEqual(['Leave', 'Stay']);
    expect(UNSAVED_CHANGES_DIALOG.defaultId).toBe(1);
    expect(UNSAVED_CHANGES_DIALOG.cancelId).toBe(1);
  });

  it('asks the same way, saying why, when the window does not answer', () => {
    expect(NOT_ANSWERING_DIALOG.message).toContain('not responding');
    expect(NOT_ANSWERING_DIALOG.detail).toContain('journal');
    expect(NOT_ANSWERING_DIALOG.buttons).toEqual(['Leave', 'Stay']);
    expect(NOT_ANSWERING_DIALOG.cancelId).toBe(1);
  });

  it('leaves only when Leave was chosen', () => {
    expect(leaveChosen(0)).toBe(true);
    expect(leaveChosen(1)).toBe(false);
    expect(leaveChosen(-1)).toBe(false);
  });
});

describe('the folder picker', () => {
  it('picks folders only', () => {
    expect(OPEN_FOLDER_DIALOG.properties).toContain('openDirectory');
    expect(OPEN_FOLDER_DIALOG.properties).not.toContain('openFile');
  });

  it('reads a cancelled or empty choice as none', () => {
    expect(chosenFolder({ canceled: true, filePaths: ['/x'] })).toBeNull();
    expect(chosenFolder({ canceled: false, filePaths: [] })).toBeNull();
    expect(chosenFolder({ canceled: false, filePaths: ['/x'] })).toBe('/x');
  });
});
