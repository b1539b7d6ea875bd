/**
 * The entry of an export worker thread (bundled as export-worker.mjs beside the app's Node
 * bundles): renders the post pages it is sent, one at a time, and answers each by its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageJob, PageReply } from './pool';
import { pageRenderer, type SiteSetup } from './site-pages';
import { describe } from './thread-error';

const data: unknown = workerData;
const port = parentPort;
if (port === null || typeof data !== 'object' || data === null || !('setup' in data)) {
  throw new Error('The export worker must be started by the export pool.');
}
const render = pageRenderer(data.setup as SiteSetup);
port.on('message', (job: PageJob) => {
  let reply: PageReply;
  try {
    reply = { index: job.index, page: render(job.post, job.index, job.cached) };
  } catch (error) {
    reply = { index: job.index, error: describe(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PageReply);
