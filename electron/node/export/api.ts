/** The export part of the BlogApi (placeholder until it lands). */
import { fail, type BlogApi } from '../../../shared/api/contract';
import type { BlogEvents, EventName } from '../../../shared/api/events';
import type { PostStore } from '../store/store';

/** Export methods over `store`. */
export function exportApi(
  _store: PostStore,
  _options: { emit: (<E extends EventName>(event: E, payload: BlogEvents[E]) => void) | undefined; now: () => Date },
): Pick<BlogApi, 'exportPostHtml' | 'exportSite'> {
  const unsupported = () => Promise.resolve(fail<never>('UNSUPPORTED', 'Export is not available yet.'));
  return { exportPostHtml: unsupported, exportSite: unsupported };
}
