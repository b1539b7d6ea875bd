/**
 * The Markdown source editor, and the only importer of @uiw/react-md-editor. Its own preview is
 * never shown: that path renders raw HTML unsanitized, so ours (Preview.tsx) sits beside it. The
 * `nohighlight` entry: our textarea is plain (../preview/useTypingAhead.ts) and the built-in preview
 * never renders, so the highlighter for every language it would bundle is never used.
 */
import { memo, useCallback, useEffect, useId, useMemo, type TextareaHTMLAttributes } from 'react';
import MDEditor, {
  handleKeyDown,
  TextAreaCommandOrchestrator,
  type ExecuteState,
  type ICommand,
  type MDEditorProps,
  type TextAreaTextApi,
} from '@uiw/react-md-editor/nohighlight';
import '@uiw/react-md-editor/markdown-editor.css';
import { createEditorKeys, isLineKey } from '../preview/editorKeys';
import { linesOf, toggleList, type ListKind } from '../state/markdownKeys';
import { PlainTextarea } from '../preview/PlainTextarea';
import { keepToolbar } from '../preview/toolbarKeys';
import type { TextSource } from '../preview/typing';
import { useTypingAhead } from '../preview/useTypingAhead';

/** Toolbar commands that open the editor's built-in (unsanitized) preview or leave the app. */
const REFUSED_COMMANDS = new Set(['help', 'preview', 'live', 'edit', 'fullscreen']);

/**
 * What the app changes in the library's commands. Ctrl/Cmd+K is a link, as in nearly every
 * writing tool (the library gave it to images, and links Ctrl+L, the browser's address bar). Ctrl+/
 * shows the app's shortcuts, not a comment, and Ctrl+Q quits the desktop app on Windows and Linux,
 * not a quote: those keep their buttons only, as does the horizontal rule (Ctrl/Cmd+H is Replace).
 * The heading menu is "Heading": a post's title is its front matter's.
 */
const CHANGED_COMMANDS: Record<string, { shortcuts?: string; label: string }> = {
  link: { shortcuts: 'ctrlcmd+k', label: 'Add a link (ctrl + k)' },
  image: { label: 'Add image' },
  comment: { label: 'Insert comment' },
  quote: { label: 'Insert a quote' },
  title: { label: 'Heading' },
  // Ctrl/Cmd+H is Replace (../components/FindInPost.tsx), as in nearly every editor.
  hr: { shortcuts: undefined, label: 'Insert a horizontal rule' },
};

/** Commands that act on whole lines (a quote): the library took the word under the caret. */
const LINE_COMMANDS = new Set(['quote']);
/**
 * The list buttons, the app's own (../state/markdownKeys.ts): whole lines, blank lines left blank,
 * markers taken away only when every line has them (the library toggled each line alone).
 */
const LIST_COMMANDS: Record<string, ListKind> = {
  'unordered-list': 'bullet',
  'ordered-list': 'number',
  'checked-list': 'task',
};
/** Commands that add a block of their own (a table, a rule): after the caret's line, never inside a word. */
const BLOCK_COMMANDS = new Set(['table', 'hr']);

function keepCommand(command: ICommand): false | ICommand {
  const name = command.name ?? '';
  if (REFUSED_COMMANDS.has(name)) return false;
  // A divider is a line between groups, not an item of the toolbar's list (review 24a: three empty items).
  if (command.keyCommand === 'divider') return { ...command, liProps: { ...command.liProps, 'aria-hidden': 'true' } };
  const changed = CHANGED_COMMANDS[name];
  let kept: ICommand = command;
  if (changed !== undefined) {
    kept = {
      ...kept,
      shortcuts: changed.shortcuts,
      buttonProps: { ...kept.buttonProps, 'aria-label': changed.label, title: changed.label },
    };
  }
  if (LINE_COMMANDS.has(name)) kept = onLines(kept, 'lines');
  const list = LIST_COMMANDS[name];
  if (list !== undefined) kept = { ...kept, execute: (state, api) => toggleListIn(state, api, list) };
  if (BLOCK_COMMANDS.has(name)) kept = onLines(kept, 'after');
  return kept;
}

/** A list button's edit, made through the library's text API as its own commands make theirs. */
function toggleListIn(state: ExecuteState, api: TextAreaTextApi, kind: ListKind): void {
  const edit = toggleList(state.text, state.selection.start, state.selection.end, kind);
  api.setSelectionRange({ start: edit.from, end: edit.to });
  api.replaceSelection(edit.insert);
  api.setSelectionRange({ start: edit.start, end: edit.end });
}

/** `command` run on the whole lines of the selection, or with the caret moved to its line's end. */
function onLines(command: ICommand, how: 'lines' | 'after'): ICommand {
  const execute = command.execute;
  if (execute === undefined) return command;
  return {
    ...command,
    execute: (state, api, ...rest) => {
      const { selection } = state;
      const lines = linesOf(state.text, selection.start, selection.end);
      const range = how === 'lines' ? lines : { start: lines.end, end: lines.end };
      // A caret already where the command belongs needs nothing moved.
      const stays = selection.start === range.start && selection.end === range.end;
      const next = stays ? state : { ...api.setSelectionRange(range), command: state.command };
      execute(next, api, ...rest);
    },
  };
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
  useEffect(() => {
    const toolbar = box.current?.querySelector<HTMLElement>('.w-md-editor-toolbar');
    return toolbar == null ? undefined : keepToolbar(toolbar, 'Formatting');
  }, [box, readOnly]);

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
  // Tab indents here, so the way on is said where a keyboard arrives (review 24a: 50 Tabs went into
  // the post of a writer tabbing through the page, and the way out was only in the help).
  const keysId = useId();
  const textareaProps = useMemo(
    () => ({
      'aria-label': 'Markdown',
      'aria-describedby': keysId,
      readOnly,
      spellCheck: true,
      placeholder: 'Write…',
    }),
    [readOnly, keysId],
  );
  const editorKeys = useMemo(() => createEditorKeys(), []);
  const renderPlain = useCallback<RenderTextarea>(
    (attributes, handle) => (
      <PlainTextarea
        attributes={{ ...(attributes as TextareaHTMLAttributes<HTMLTextAreaElement>), ...textareaProps }}
        onText={onText}
        onKey={(event) => {
          // Enter, Tab, Shift+Tab and Escape are the app's (../preview/editorKeys.ts); the library
          // keeps its line moves and duplication, then its shortcuts.
          if (editorKeys.handle(event)) return;
          if (isLineKey(event)) handleKeyDown(event, 2, false);
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
    [textareaProps, onText, editorKeys],
  );
  const components = useMemo(() => ({ preview: NoPreview, textarea: renderPlain }), [renderPlain]);
  return (
    <>
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
      <span id={keysId} hidden>
        {EDITOR_KEYS_HINT}
      </span>
    </>
  );
});

/** What the Markdown field's description says (a screen reader reads it with the field's name). */
const EDITOR_KEYS_HINT = 'Tab indents. To move on, press Escape, then Tab.';

const NO_COMMANDS: ICommand[] = [];
