/** Subscribes to backend events for the lifetime of a component; handlers may change freely. */
import { useEffect, useRef } from 'react';
import type { BlogEvents } from '../../shared/api/events';
import type { BlogEventSource } from '../api/events';

/** One handler per event the component cares about. */
export type BlogEventHandlers = { [E in keyof BlogEvents]?: (payload: BlogEvents[E]) => void };

/** Routes backend events to the latest `handlers`. */
export function useBlogEvents(events: BlogEventSource, handlers: BlogEventHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);
  useEffect(() => {
    const stops = [
      events.on('postsChanged', (payload) => latest.current.postsChanged?.(payload)),
      events.on('menuCommand', (payload) => latest.current.menuCommand?.(payload)),
      events.on('workspaceChanged', (payload) => latest.current.workspaceChanged?.(payload)),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [events]);
}
