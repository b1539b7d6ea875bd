/**
 * Sends an opened file as the body of a response, closing the file whatever happens.
 */
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { OpenedFile } from './paths';

/** Writes the head, then streams exactly the bytes the file had when it was opened. */
export async function sendFile(res: ServerResponse, file: OpenedFile, headers: Record<string, string>): Promise<void> {
  try {
    res.writeHead(200, { ...headers, 'Content-Length': String(file.size), 'Last-Modified': file.mtime.toUTCString() });
    if (file.size === 0 || res.req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = file.handle.createReadStream({ start: 0, end: file.size - 1, autoClose: false });
    await pipeline(stream, res).catch(() => {
      // The client went away or the file shrank: the response is already cut short, nothing to add.
      res.destroy();
    });
  } finally {
    await file.handle.close();
  }
}
