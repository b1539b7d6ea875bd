/** Errors sent between threads (the export's render workers and its writer): described there, rebuilt here. */

/** An error as a thread sends it: structured clone keeps no class, so the errno code travels alone. */
export interface ThreadError {
  message: string;
  code?: string;
  stack?: string;
}

/** The error a thread met, rebuilt with its errno code so it maps to the same failure. */
export function revive(error: ThreadError): Error {
  const revived = new Error(error.message) as Error & { code?: string };
  if (error.code !== undefined) revived.code = error.code;
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

/** What a thread sends of an error it met. */
export function describe(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return {
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
