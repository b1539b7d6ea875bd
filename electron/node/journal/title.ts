/** The title a journal entry is shown under in the restore prompt. */
import path from 'node:path';
import type { JournalDraft } from '../../../shared/api/contract';
import type { PostStore } from '../store/store';

/** The draft's own title when it edits one, else the post's title on disk, else its file name. */
export async function journalTitle(store: PostStore, draft: JournalDraft): Promise<string> {
  const edited = editedTitle(draft);
  if (edited !== null) return edited;
  const doc = await store.read(draft.id);
  if (doc.ok) {
    const field = doc.value.frontMatter.fields.find((candidate) => candidate.key === 'title');
    if (typeof field?.value === 'string' && field.value.trim().length > 0) return field.value.trim();
  }
  return path.posix.basename(draft.id).replace(/\.(md|markdown)$/i, '');
}

function editedTitle(draft: JournalDraft): string | null {
  const change = draft.frontMatter;
  if (change.kind === 'fields') {
    const edits = change.edits.filter((edit) => edit.key === 'title');
    const last = edits[edits.length - 1];
    if (last?.op === 'set' && (last.value.kind === 'text' || last.value.kind === 'raw')) {
      const text = last.value.kind === 'text' ? last.value.text : last.value.yaml;
      return text.trim().length > 0 ? text.trim() : null;
    }
  }
  if (change.kind === 'raw') {
    // A rough look is enough for a label: YAML `title: x` or TOML `title = "x"`.
    const match = /^title\s*[:=]\s*(.+)$/m.exec(change.raw);
    const text = match?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
    return text.length > 0 ? text : null;
  }
  return null;
}
