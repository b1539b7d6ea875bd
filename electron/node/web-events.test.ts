import { describe, expect, it } from 'vitest';
import type { EventSender } from './server/index';
import { createEventHub } from './web-events';

/** A page's stream that records what it is told. */
function page(): { send: EventSender; heard: string[] } {
  const heard: string[] = [];
  return { heard, send: (event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`) };
}

const NOTHING = 'postsChanged {"added":[],"changed":[],"removed":[]}';

describe('the event hub', () => {
  it('tells every listening page of each change, and nothing more when they connected first', () => {
    const hub = createEventHub();
    const a = page();
    const b = page();
    hub.subscribe(a.send);
    const leave = hub.subscribe(b.send);
    hub.changed({ added: ['x.md'], changed: [], removed: [] });
    leave();
    hub.emit('exportProgress', { done: 1, total: 2 });
    expect(a.heard).toEqual([
      'postsChanged {"added":["x.md"],"changed":[],"removed":[]}',
      'exportProgress {"done":1,"total":2}',
    ]);
    expect(b.heard).toEqual(['postsChanged {"added":["x.md"],"changed":[],"removed":[]}']);
  });

  it('tells the next page that listens of a change no page heard, once', () => {
    const hub = createEventHub();
    hub.changed({ added: [], changed: ['x.md'], removed: [] });
    const first = page();
    hub.subscribe(first.send);
    const second = page();
    hub.subscribe(second.send);
    expect(first.heard).toEqual([NOTHING]);
    expect(second.heard).toEqual([]);
  });

  it('remembers a change made after every page left', () => {
    const hub = createEventHub();
    const gone = page();
    hub.subscribe(gone.send)();
    hub.changed({ added: [], changed: [], removed: ['y.md'] });
    const next = page();
    hub.subscribe(next.send);
    expect(next.heard).toEqual([NOTHING]);
  });
});
