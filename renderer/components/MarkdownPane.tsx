/**
 * The Markdown source editor, and the only importer of @uiw/react-md-editor. Its own preview is
 * never shown: that path renders raw HTML unsanitized, so ours (Preview.tsx) sits beside it.
 */
import { useEffect, useRef } from 'react';
import MDEditor, { type ICommand } from '@uiw/react-md-editor';
import '@uiw/react-md-editor/markdown-editor.css';

/** Above this size the editor's syntax colouring (re-run on the whole text per keystroke) is turned off. */
const HIGHLIGHT_LIMIT = 6_000;

/** Toolbar commands that open the editor's built-in (unsanitized) preview or leave the app. */
const REFUSED_COMMANDS = new Set(['help', 'preview', 'live', 'edit', 'fullscreen']);

function keepCommand(command: ICommand): false | ICommand {
  return command.name !== undefined && REFUSED_COMMANDS.has(command.name) ? false : command;
}

/** Nothing: stands in for the built-in preview should anything ever switch it on. */
function NoPreview(): React.JSX.Element {
  return <></>;
}

/** Props of the Markdown editor. */
export interface MarkdownPaneProps {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  /** Changing this number moves the keyboard focus into the editor. */
  focusRequest: number;
  /** How far down the text is scrolled, 0 to 1, so the preview can follow. */
  onScrollRatio: (ratio: number) => void;
}

/** The editor: toolbar and text area, named "Markdown". */
export function MarkdownPane({
  value,
  onChange,
  readOnly,
  focusRequest,
  onScrollRatio,
}: MarkdownPaneProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest > 0) box.current?.querySelector('textarea')?.focus();
  }, [focusRequest]);

  return (
    <div
      className="markdown-pane"
      ref={box}
      onScrollCapture={(event) => {
        const area = event.target;
        if (!(area instanceof HTMLElement) || !area.classList.contains('w-md-editor-area')) return;
        const range = area.scrollHeight - area.clientHeight;
        onScrollRatio(range > 0 ? area.scrollTop / range : 0);
      }}
    >
      <MDEditor
        value={value}
        onChange={(next) => onChange(next ?? '')}
        preview="edit"
        extraCommands={[]}
        commandsFilter={keepCommand}
        components={{ preview: NoPreview }}
        height="100%"
        visibleDragbar={false}
        highlightEnable={value.length < HIGHLIGHT_LIMIT}
        defaultTabEnable={false}
        textareaProps={{ 'aria-label': 'Markdown', readOnly, spellCheck: true, placeholder: 'Write…' }}
      />
    </div>
  );
}
