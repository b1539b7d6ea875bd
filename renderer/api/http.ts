/**
 * `BlogApi` over HTTP, for browser mode: `POST /api/<method>` with `{"args":[...]}` and the
 * page's token in a custom header, so a foreign page cannot forge a call (see security notes).
 */
import {
  API_METHODS,
  fail,
  type ApiArgs,
  type ApiMethod,
  type ApiReturn,
  type BlogApi,
  type Result,
} from '../../shared/api/contract';

/** What the HTTP client needs from its world. */
export interface HttpApiOptions {
  /** The secret the server injected into the page. */
  token: string;
  /** Base URL the `api/` paths are resolved against (the page's origin). */
  baseUrl: string;
  fetchFn: typeof fetch;
}

/** The header that carries the page token on every API request. */
export const TOKEN_HEADER = 'X-Postwright-Token';

/** Builds a `BlogApi` whose every method is one POST to the local server. */
export function createHttpApi(options: HttpApiOptions): BlogApi {
  const call = <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReturn<M>> =>
    post(options, method, args) as Promise<ApiReturn<M>>;
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args as ApiArgs<typeof method>)]),
  );
  return api as unknown as BlogApi;
}

async function post(options: HttpApiOptions, method: ApiMethod, args: unknown[]): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await options.fetchFn(new URL(`/api/${method}`, options.baseUrl).href, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: options.token },
      body: JSON.stringify({ args }),
    });
  } catch {
    return fail(
      'IO',
      'Could not reach the Postwright server.',
      'Check that the server is still running, then try again.',
    );
  }
  return readResult(response);
}

/** Turns a server answer into a Result, whatever shape it arrived in. */
export async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return fail('IO', `The server answered ${response.status} ${response.statusText} without a readable result.`);
  }
  if (isResult(body)) return body;
  if (response.status === 401 || response.status === 403) {
    return fail(
      'PERMISSION',
      'The server refused this page.',
      'Open Postwright again from the link the server printed.',
    );
  }
  return fail('IO', `The server answered ${response.status} with an unexpected result.`);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok !== false) return false;
  const error = record.error as Record<string, unknown> | null | undefined;
  return (
    typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string'
  );
}
