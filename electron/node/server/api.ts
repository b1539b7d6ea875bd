/**
 * `POST /api/<method>`: checks the caller, reads `{"args": [...]}`, and hands it to the one
 * dispatcher Electron's IPC uses too. Expected failures come back as 200 with a failed Result.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type BlogApi } from '../../../shared/api/contract';
import { dispatch } from '../dispatch';
import { contentTypeRefusal, declaredTooLarge, MAX_BODY_BYTES, parseArgs, readBodyText } from './body';
import { apiRefusal, type Sessions } from './guard';
import { sendJson, sendRefusal } from './respond';

/** What an API call needs from the server. */
export interface ApiContext {
  api: BlogApi;
  sessions: Sessions;
  token: string;
  onError: (error: unknown) => void;
}

/** Answers one API call; `method` is the raw path segment after `/api/`. */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  context: ApiContext,
): Promise<void> {
  if (req.method !== 'POST') {
    return sendRefusal(
      res,
      { status: 405, code: 'UNSUPPORTED', message: 'API calls are POST requests.' },
      { Allow: 'POST' },
    );
  }
  const refusal =
    apiRefusal(req.headers, context.sessions, context.token) ?? contentTypeRefusal(req.headers['content-type']);
  if (refusal) return refuseAndDrain(req, res, refusal);
  if (declaredTooLarge(req, MAX_BODY_BYTES)) {
    return refuseAndDrain(req, res, { status: 413, code: 'TOO_LARGE', message: 'The request is too large.' });
  }
  const text = await readBodyText(req);
  if (!text.ok) return sendRefusal(res, text.refusal);
  const parsed = parseArgs(text.text);
  if (!parsed.ok) return sendRefusal(res, parsed.refusal);
  try {
    sendJson(res, 200, await dispatch(context.api, method, parsed.args));
  } catch (error) {
    context.onError(error);
    sendJson(
      res,
      500,
      fail('IO', 'Postwright hit an unexpected error.', 'The terminal running Postwright shows the details.'),
    );
  }
}

/** Answers before the body is read, and closes the connection so an unread body is never parsed. */
function refuseAndDrain(req: IncomingMessage, res: ServerResponse, refusal: Parameters<typeof sendRefusal>[1]): void {
  sendRefusal(res, refusal, { Connection: 'close' });
  req.resume();
}
