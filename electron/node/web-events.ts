/**
 * Browser mode's event streams: every open page hears each event. A page lists the folder before
 * it listens (renderer/public/boot.js asks while the app's code loads), so a change the watcher
 * reported while no page listened is told to the next page that does, as "something changed"
 * (an empty change: the page lists again and checks its open post).
 */
import type { BlogEvents, EventName } from '../../shared/api/events';
import type { EventSender } from './server/index';
import { anythingChanged, type FolderChanges } from './watcher';

/** The streams of the pages, and what they are told. */
export interface EventHub {
  /** Adds a page's stream; returns its removal. */
  subscribe: (send: EventSender) => () => void;
  /** Tells every page of an event of the API (export progress…). */
  emit: <E extends EventName>(event: E, payload: BlogEvents[E]) => void;
  /** Tells every page of changes on disk, or remembers them for the next page when none listens. */
  changed: (changes: FolderChanges) => void;
}

/** An empty hub. */
export function createEventHub(): EventHub {
  const streams = new Set<EventSender>();
  let unheard = false;
  const emit = <E extends EventName>(event: E, payload: BlogEvents[E]): void => {
    for (const send of streams) send(event, payload);
  };
  return {
    subscribe: (send) => {
      streams.add(send);
      if (unheard) send('postsChanged', anythingChanged());
      unheard = false;
      return () => streams.delete(send);
    },
    emit,
    changed: (changes) => {
      if (streams.size === 0) unheard = true;
      emit('postsChanged', changes);
    },
  };
}
