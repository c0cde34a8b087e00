// Indexing lag: `writers` members of pairing 1 write `rate` messages a second for `seconds` seconds into
// its general channel through the API's socket.io namespace (message:send, as the web client
// does), each carrying a unique token. For every `trackEvery`-th message the officer polls
// GET /api/search?q=<token> every `pollMs` until the message is found: lag = found − sent (client
// clock). For every message, the index's own figure too: search_documents.indexed_at − the
// message's created_at (server clock; the index row's transaction start, so a little early).
import { randomInt } from 'node:crypto';
import { io } from 'socket.io-client';
import { quantile } from './stats.mjs';

const n = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(0)} ms`);

export const TARGET_LAG_P95_MS = 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Letters no stemmer strips as a suffix: the token is indexed as written. */
const LETTERS = 'bcdfghjklmnpqrtvwxz';
const token = () =>
  `zq${Array.from({ length: 10 }, () => LETTERS[randomInt(LETTERS.length)]).join('')}`;

function connect(api, tokenOfWriter, channelId) {
  return new Promise((resolve, reject) => {
    const socket = io(`${api}/discussions`, {
      transports: ['websocket'],
      auth: { token: tokenOfWriter },
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect_error', reject);
    socket.once('connect', async () => {
      const ack = await socket.timeout(10_000).emitWithAck('channel:join', { channelId });
      if (ack?.ok) resolve(socket);
      else reject(new Error(`channel:join refused: ${JSON.stringify(ack)}`));
    });
  });
}

async function pollUntilFound(api, officer, word, sentAt, timeoutMs, pollMs) {
  while (performance.now() - sentAt < timeoutMs) {
    const res = await fetch(`${api}/api/search?q=${word}&limit=5`, {
      headers: { Authorization: `Bearer ${officer.nextToken()}` },
    });
    const body = await res.json();
    if (body.items?.some((i) => i.kind === 'message')) return performance.now() - sentAt;
    await sleep(pollMs);
  }
  return null;
}

export async function measureLag({
  api,
  db,
  writers,
  officer,
  channelId,
  rate,
  seconds,
  trackEvery,
  pollMs,
  log,
}) {
  const sockets = await Promise.all(writers.map((w) => connect(api, w, channelId)));
  const ids = [];
  const refused = new Map();
  const polls = [];
  const acks = [];
  let sent = 0;
  log(`lag: writing ${rate} messages/s for ${seconds} s…`);
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (sent < due) {
      const word = token();
      const socket = sockets[sent % sockets.length];
      const sentAt = performance.now();
      const tracked = sent % trackEvery === 0;
      sent++;
      socket.emit(
        'message:send',
        { channelId, body: `Lag check ${word} from the benchmark.` },
        (ack) => {
          if (ack?.ok) ids.push(ack.message.id);
          else refused.set(ack?.code, (refused.get(ack?.code) ?? 0) + 1);
        },
      );
      if (tracked) polls.push(pollUntilFound(api, officer, word, sentAt, 15_000, pollMs));
    }
    await sleep(5);
  }
  const elapsed = (performance.now() - start) / 1000;
  const lags = await Promise.all(polls);
  await Promise.all(acks);
  // The last messages' index rows are written just after their acks.
  await sleep(2000);
  for (const s of sockets) s.close();
  const { rows } = await db.query(
    `SELECT extract(epoch FROM s.indexed_at - m.created_at) * 1000 AS ms
       FROM messages m LEFT JOIN search_documents s ON s.kind = 'message' AND s.id = m.id::text
      WHERE m.id = ANY($1::uuid[])`,
    [ids],
  );
  const indexLags = rows.filter((r) => r.ms !== null).map((r) => Number(r.ms));
  const found = lags.filter((l) => l !== null);
  return {
    sent,
    rate: sent / elapsed,
    acked: ids.length,
    refused: Object.fromEntries(refused),
    tracked: lags.length,
    notFound: lags.length - found.length,
    p50: quantile(found, 0.5),
    p95: quantile(found, 0.95),
    max: quantile(found, 1),
    indexed: indexLags.length,
    indexP50: quantile(indexLags, 0.5),
    indexP95: quantile(indexLags, 0.95),
    indexMax: quantile(indexLags, 1),
  };
}

export function lagLines(f, pollMs) {
  const ok = f.p95 !== null && f.p95 <= TARGET_LAG_P95_MS && f.notFound === 0;
  return [
    `messages written: ${f.sent} at ${f.rate.toFixed(0)}/s (${f.acked} acknowledged${Object.keys(f.refused).length ? `, refused ${JSON.stringify(f.refused)}` : ''})`,
    `lag to findable via GET /api/search (${f.tracked} tracked, polled every ${pollMs} ms): p50 ${n(f.p50)}, p95 ${n(f.p95)}, max ${n(f.max)}, not found in 15 s: ${f.notFound} (target p95 ≤ ${TARGET_LAG_P95_MS} ms: ${ok ? 'ok' : 'MISSED'})`,
    `index row written after the message (indexed_at − created_at, ${f.indexed} of ${f.acked} messages in the index 2 s after the last ack): p50 ${n(f.indexP50)}, p95 ${n(f.indexP95)}, max ${n(f.indexMax)}`,
  ].join('\n');
}
