/** The counting worker: word and character counts of long posts, off the page's thread. */
import { textStats } from '../state/wordCount';
import type { StatsReply, StatsRequest } from './useTextStats';

self.addEventListener('message', (event: MessageEvent<StatsRequest>) => {
  const reply: StatsReply = { seq: event.data.seq, stats: textStats(event.data.text) };
  self.postMessage(reply);
});
