/**
 * The Markdown source editor, and the only importer of @uiw/react-md-editor. Its own preview is
 * never shown: that path renders raw HTML unsanitized, so ours (Preview.tsx) sits beside it. The
 * `nohighlight` entry: our textarea is plain (../preview/useTypingAhead.ts) and the built-in preview
 * never renders, so the highlighter for every language it would bundle is never used.
 */
import { memo, useCallback, useEffect, useMemo, type TextareaHTMLAttributes } from 'react';
import MDEditor, {
  handleKeyDown,
  TextAreaCommandOrchestrator,
  type ICommand,
  type MDEditorProps,
} from '@uiw/react-md-editor/nohighlight';
import '@uiw/react-md-editor/markdown-editor.css';
import { PlainTextarea } from '../preview/PlainTextarea';
import type { TextSource } from '../preview/typing';
import { useTypingAhead } from '../preview/useTypingAhead';

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
  /** React's copy of the text (it may lag behind typing by a moment). */
  value: string;
  /** The read of the post the text belongs to (EditorState.generation). */
  generation: number;
  /** The text now. */
  text: TextSource;
  /** Takes each change of the text, made in the read `generation`. */
  onType: (body: string, generation: number) => void;
  readOnly: boolean;
  /** Changing this number moves the keyboard focus into the editor. */
  focusRequest: number;
}

/** The editor: toolbar and text area, named "Markdown". */
export function MarkdownPane(props: MarkdownPaneProps): React.JSX.Element {
  const { value, generation, text, onType, readOnly, focusRequest } = props;
  const { box, onText } = useTypingAhead(value, generation, text, onType);
  useEffect(() => {
    if (focusRequest > 0) box.current?.querySelector('textarea')?.focus();
  }, [box, focusRequest]);

  return (
    // Scroll sync (hooks/useScrollSync.ts) listens on the panes around this one.
    <div className="markdown-pane" ref={box}>
      <Editor readOnly={readOnly} onText={onText} />
    </div>
  );
}

type RenderTextarea = NonNullable<NonNullable<MDEditorProps['components']>['textarea']>;

interface EditorProps {
  readOnly: boolean;
  onText: (text: string) => void;
}

/** The editor itself, re-rendered only when its props change (never on a keystroke). */
const Editor = memo(function Editor({ readOnly, onText }: EditorProps): React.JSX.Element {
  const textareaProps = useMemo(
    () => ({ 'aria-label': 'Markdown', readOnly, spellCheck: true, placeholder: 'Write…' }),
    [readOnly],
  );
  const renderPlain = useCallback<RenderTextarea>(
    (attributes, handle) => (
      <PlainTextarea
        attributes={{ ...(attributes as TextareaHTMLAttributes<HTMLTextAreaElement>), ...textareaProps }}
        onText={onText}
        onKey={(event) => {
          // What the editor's own textarea does on a key: Tab, list continuation, then shortcuts.
          handleKeyDown(event, 2, false);
          const area = event.currentTarget;
          if (!(area instanceof HTMLTextAreaElement)) return;
          const commands = [...(handle.useContext?.commands ?? []), ...(handle.useContext?.extraCommands ?? [])];
          const orchestrator = handle.useContext?.commandOrchestrator ?? new TextAreaCommandOrchestrator(area);
          handle.shortcuts?.(event, commands, orchestrator, handle.dispatch, {
            fullscreen: false,
            preview: 'edit',
            highlightEnable: false,
          });
        }}
      />
    ),
    [textareaProps, onText],
  );
  const components = useMemo(() => ({ preview: NoPreview, textarea: renderPlain }), [renderPlain]);
  return (
    <MDEditor
      // The plain textarea holds the text; the editor's own copy stays empty.
      value=""
      onChange={(next) => onText(next ?? '')}
      preview="edit"
      extraCommands={NO_COMMANDS}
      commandsFilter={keepCommand}
      components={components}
      height="100%"
      visibleDragbar={false}
      highlightEnable={false}
      defaultTabEnable={false}
      textareaProps={textareaProps}
    />
  );
});

const NO_COMMANDS: ICommand[] = [];
