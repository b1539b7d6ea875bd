/**
 * The "Keyboard shortcuts" dialog (Ctrl/Cmd+/, or the sidebar's "Keyboard shortcuts" button): every
 * shortcut the app has, in one place. Those only the desktop app's menu has say so: a browser
 * keeps Ctrl+N and Ctrl+O for itself.
 */
import { IS_MAC, findToggleKeys } from '../hooks/findRequests';
import { Dialog, INITIAL_FOCUS } from './Dialog';

const MOD = IS_MAC ? '⌘' : 'Ctrl';
const FIND_TOGGLES = findToggleKeys();

/** Every shortcut, as the author would press it: each entry's keys are alternatives or a sequence. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: string }[] = [
  { keys: [`${MOD}+S`], action: 'Save the post' },
  { keys: [`${MOD}+P`], action: 'Open a post by its title' },
  { keys: [`${MOD}+F`], action: 'Find in the post' },
  // Cmd+H hides the app on macOS.
  { keys: [IS_MAC ? '⌘+⌥+F' : 'Ctrl+H'], action: 'Replace in the post' },
  { keys: ['F3', `${MOD}+G`], action: 'Next match (find bar)' },
  { keys: ['Shift+F3', `${MOD}+Shift+G`], action: 'Previous match (find bar)' },
  { keys: ['Enter', 'Shift+Enter'], action: 'Next, previous match (in the Find field)' },
  { keys: ['Enter', `${IS_MAC ? '⌘+⌥' : 'Ctrl+Alt'}+Enter`], action: 'Replace, replace all (in the Replace field)' },
  // Option+C and Option+W type characters on macOS.
  { keys: [FIND_TOGGLES.matchCase.label, FIND_TOGGLES.wholeWord.label], action: 'Match case, whole word (find bar)' },
  { keys: ['Esc'], action: 'Close the find bar, the match selected in the editor' },
  { keys: [`${MOD}+Shift+F`], action: 'Search all posts (go to the search box)' },
  {
    keys: ['F6', 'Shift+F6'],
    action: 'Move to the next or previous area: post list, a warning about the post, front matter, editor, preview',
  },
  { keys: [`${MOD}+/`], action: 'Show these shortcuts' },
  { keys: [`${MOD}+N`], action: 'New post (desktop app)' },
  { keys: [`${MOD}+O`], action: 'Open a folder (desktop app)' },
  { keys: [`${MOD}+Shift+M`], action: 'Switch the front matter between fields and raw text (desktop app)' },
  { keys: ['Esc'], action: 'Leave focus mode, close a dialog, clear the search' },
  { keys: ['↑', '↓'], action: 'Move through the post list or search results' },
  { keys: ['Home', 'End', 'PageUp', 'PageDown'], action: 'Jump through the post list' },
  { keys: ['Enter'], action: 'Open the post under the cursor' },
  { keys: [`${MOD}+E`], action: 'Export the post as HTML' },
  { keys: [`${MOD}+B`], action: 'Bold (in the editor)' },
  { keys: [`${MOD}+I`], action: 'Italic (in the editor)' },
  { keys: [`${MOD}+K`], action: 'Link (in the editor)' },
  { keys: [`${MOD}+1`, `${MOD}+6`], action: 'Heading, level 1 to 6 (in the editor)' },
  { keys: [`${MOD}+Z`, `${MOD}+Shift+Z`], action: 'Undo, redo (in the editor)' },
  { keys: ['Enter'], action: 'Continue a list or quote; on an empty item, end it (in the editor)' },
  { keys: ['Tab', 'Shift+Tab'], action: 'Indent, outdent a list item or the selected lines (in the editor)' },
  { keys: ['Esc', 'Tab'], action: 'Leave the editor by keyboard (Esc, then Tab or Shift+Tab)' },
  { keys: ['Ctrl+D'], action: 'Duplicate the line (in the editor)' },
  { keys: ['Alt+↑', 'Alt+↓'], action: 'Move the line up or down (in the editor)' },
];

/** The dialog; Escape or Close dismisses it. */
export function HelpPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <Dialog title="Keyboard shortcuts" onCancel={onClose}>
      {/* Scrolls on its own, so it takes the keyboard's focus to be scrolled by keys too. */}
      <div className="shortcuts-scroll" role="region" aria-label="Shortcuts" tabIndex={0}>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td className="shortcut-keys">
                  {shortcut.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button primary" {...INITIAL_FOCUS} onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
