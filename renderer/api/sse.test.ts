import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerEvent } from './sse';

function parse(...chunks: string[]): ServerEvent[] {
  const events: ServerEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe('createSseParser', () => {
  it('dispatches named events on a blank line', () => {
    expect(parse('event: postsChanged\ndata: {"a":1}\n\n')).toEqual([{ event: 'postsChanged', data: '{"a":1}' }]);
  });

  it('joins data lines, ignores comments and unknown fields, defaults the name', () => {
    expect(parse(': keep-alive\nid: 7\nretry: 10\ndata: one\ndata:two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('handles events split anywhere across chunks, including inside CRLF', () => {
    expect(parse('event: menu', 'Command\r', '\ndata: {"command":"save"}\r\n', '\r\n')).toEqual([
      { event: 'menuCommand', data: '{"command":"save"}' },
    ]);
  });

  it('accepts lone CR line ends', () => {
    expect(parse('event: x\rdata: y\r\r', 'z')).toEqual([{ event: 'x', data: 'y' }]);
  });

  it('does not dispatch an event without data or before its blank line', () => {
    expect(parse('event: x\n\n', 'event: y\ndata: 1\n')).toEqual([]);
  });

  it('resets the event name after each dispatch', () => {
    expect(parse('event: a\ndata: 1\n\ndata: 2\n\n').map((e) => e.event)).toEqual(['a', 'message']);
  });
});
