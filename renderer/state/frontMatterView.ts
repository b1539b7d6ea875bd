/**
 * Whether the front-matter form is open, and its one-line summary when it is not. The author's
 * choice lasts the session (sessionStorage); before any choice, a tall window shows the form and a
 * laptop-height one folds it, and a block with a problem opens anyway so the problem is seen.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { FrontMatterFormat } from '../../shared/api/contract';
import type { FrontMatterDraft } from './frontMatter';

/** The sessionStorage key of the author's choice ("open" or "closed"). */
export const FRONT_MATTER_OPEN_KEY = 'postwright.frontMatterOpen';

/** Windows at least this tall (CSS px) show the form until the author chooses otherwise. */
export const TALL_WINDOW_QUERY = '(min-height: 900px)';

/** What the store knows: the session's choice, the window, and a choice made for one opened post. */
export interface FrontMatterView {
  chosen: boolean | null;
  tall: boolean;
  /** Open or closed for this read of a post only (a new post, the Raw button). */
  post: { generation: number; open: boolean } | null;
}

/** The part of the Web Storage API the store needs. */
export interface ViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The part of MediaQueryList the store needs. */
export interface WindowQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
}

/** The store behind `useFrontMatterOpen`. */
export interface FrontMatterViewStore {
  get: () => FrontMatterView;
  subscribe: (listener: () => void) => () => void;
  /** The author opened or closed the form: remembered for the session. */
  choose: (generation: number, open: boolean) => void;
  /** Opens the form for this read of a post only (a post just created). */
  showFor: (generation: number) => void;
}

function readChoice(storage: ViewStorage | null): boolean | null {
  try {
    const value = storage?.getItem(FRONT_MATTER_OPEN_KEY);
    return value === 'open' ? true : value === 'closed' ? false : null;
  } catch {
    return null;
  }
}

/** A store over the given session storage and window-height query (fakes in tests). */
export function createFrontMatterViewStore(
  storage: ViewStorage | null,
  query: WindowQuery | null,
): FrontMatterViewStore {
  let view: FrontMatterView = { chosen: readChoice(storage), tall: query?.matches ?? true, post: null };
  const listeners = new Set<() => void>();
  const set = (next: FrontMatterView): void => {
    view = next;
    listeners.forEach((listener) => listener());
  };
  query?.addEventListener('change', () => set({ ...view, tall: query.matches }));
  return {
    get: () => view,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    choose: (generation, open) => {
      try {
        storage?.setItem(FRONT_MATTER_OPEN_KEY, open ? 'open' : 'closed');
      } catch {
        // Storage full or refused: the choice still holds until the window closes.
      }
      set({ ...view, chosen: open, post: { generation, open } });
    },
    showFor: (generation) => set({ ...view, post: { generation, open: true } }),
  };
}

/** Whether the block has something the author must see: it cannot be read as fields, or failed to parse. */
export function needsAttention(draft: FrontMatterDraft): boolean {
  return !draft.base.editable || draft.base.error !== undefined || draft.mode === 'raw';
}

/** Whether the form shows for this read of a post. */
export function isFormOpen(view: FrontMatterView, draft: FrontMatterDraft, generation: number): boolean {
  if (view.post?.generation === generation) return view.post.open;
  return (view.chosen ?? view.tall) || needsAttention(draft);
}

const FORMAT_NAMES: Record<FrontMatterFormat, string> = {
  yaml: 'YAML',
  toml: 'TOML',
  json: 'JSON',
  js: 'JavaScript',
  none: 'none yet',
};

/** The block's format as the author knows it. */
export function formatName(format: FrontMatterFormat): string {
  return FORMAT_NAMES[format];
}

function textField(draft: FrontMatterDraft, key: string): string | null {
  const value = draft.fields.find((field) => field.key.toLowerCase() === key)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The folded form in one line. */
export interface FormSummary {
  /** Title · date · n fields · format, or what stands in for them. */
  parts: string[];
  /** How many fields carry a warning. */
  warnings: number;
  /** Why the block cannot be read as fields, when it cannot. */
  problem: string | null;
}

/** The one-line summary of a block: what a folded form shows. */
export function frontMatterSummary(draft: FrontMatterDraft): FormSummary {
  const { base, fields } = draft;
  const warnings = fields.filter((field) => field.warning !== undefined).length;
  const format = formatName(base.format);
  if (base.error !== undefined) {
    const where = base.error.line === undefined ? '' : `line ${base.error.line}: `;
    return { parts: [`Cannot be read (${where}${base.error.message})`, format], warnings, problem: base.error.message };
  }
  if (!base.editable) return { parts: ['Shown as text', format], warnings, problem: base.note ?? null };
  if (base.format === 'none' && fields.length === 0) return { parts: ['No front matter yet'], warnings, problem: null };
  const count = `${fields.length} ${fields.length === 1 ? 'field' : 'fields'}`;
  const parts = [textField(draft, 'title') ?? 'No title field', textField(draft, 'date'), count, format];
  return { parts: parts.filter((part): part is string => part !== null), warnings, problem: null };
}

function sessionStore(): ViewStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

let appStore: FrontMatterViewStore | null = null;

/** The app's store (created on first use, over sessionStorage and the window's height). */
export function frontMatterViewStore(): FrontMatterViewStore {
  appStore ??= createFrontMatterViewStore(
    sessionStore(),
    typeof matchMedia === 'undefined' ? null : matchMedia(TALL_WINDOW_QUERY),
  );
  return appStore;
}

/** The form's state for one read of a post, and the ways to change it. */
export interface FormOpen {
  open: boolean;
  /** The author's choice, remembered for the session. */
  choose: (open: boolean) => void;
  /** Opens it for this read only (the Raw button, a post just created). */
  show: () => void;
}

/** Whether the form of this read of a post is open, and the author's ways to open or close it. */
export function useFrontMatterOpen(draft: FrontMatterDraft | null, generation: number): FormOpen {
  const store = frontMatterViewStore();
  const view = useSyncExternalStore(store.subscribe, store.get, store.get);
  const choose = useCallback((open: boolean) => store.choose(generation, open), [store, generation]);
  const show = useCallback(() => store.showFor(generation), [store, generation]);
  return { open: draft !== null && isFormOpen(view, draft, generation), choose, show };
}
