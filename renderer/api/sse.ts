/**
 * A parser for `text/event-stream`, fed text chunks as they arrive from `fetch()`. EventSource
 * cannot send the token header, so browser mode reads the stream itself.
 */

/** One dispatched server-sent event. */
export interface ServerEvent {
  event: string;
  data: string;
}

/** Feeds decoded text in; calls `onEvent` for every complete event. */
export interface SseParser {
  push(chunk: string): void;
}

/** Creates a parser following the WHATWG event-stream rules (CR, LF or CRLF line ends). */
export function createSseParser(onEvent: (event: ServerEvent) => void): SseParser {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];

  const dispatch = (): void => {
    if (dataLines.length > 0) onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
    eventName = '';
    dataLines = [];
  };

  const line = (text: string): void => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
  };

  return {
    push(chunk) {
      buffer += chunk;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      const pattern = /\r\n|\r(?!$)|\n/g;
      let start = 0;
      for (let match = pattern.exec(buffer); match !== null; match = pattern.exec(buffer)) {
        line(buffer.slice(start, match.index));
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
    },
  };
}
