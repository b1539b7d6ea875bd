/**
 * The single dispatcher behind every boundary: Electron's IPC handlers and the browser-mode
 * HTTP server both call it with untrusted input.
 */
import { fail, type ApiMethod, type BlogApi, type Result } from '../../shared/api/contract';
import { isApiMethod, VALIDATORS } from '../../shared/api/validate';

/** Validates `method` and `args` against the contract, then calls the implementation. */
export async function dispatch(api: BlogApi, method: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('INVALID_ARGUMENT', 'Unknown API method.');
  return call(api, method, args);
}

async function call<M extends ApiMethod>(api: BlogApi, method: M, args: unknown): Promise<Result<unknown>> {
  const checked = VALIDATORS[method](args);
  if (!checked.ok) return fail('INVALID_ARGUMENT', `${method}: ${checked.message}`);
  const fn = api[method] as (...a: unknown[]) => Promise<Result<unknown>>;
  return fn.apply(api, checked.args as unknown[]);
}
