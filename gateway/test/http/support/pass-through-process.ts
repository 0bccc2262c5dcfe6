/**
 * The pass-through in a process of its own, so that a test can watch its memory alone:
 * `/media/` to the subgraph at MEDIA_URL, and `GET /rss` answering its resident set size.
 * Writes `{ "url": ... }` on its first line of output.
 */
import { startPassThrough } from './pass-through-server';

void startPassThrough(process.env.MEDIA_URL!, {
  routes: {
    'GET /rss': (_req, res) => {
      (globalThis as { gc?: () => void }).gc?.();
      res.end(String(process.memoryUsage().rss));
    },
  },
}).then((gateway) => process.stdout.write(`${JSON.stringify({ url: gateway.url })}\n`));
