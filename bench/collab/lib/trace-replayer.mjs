/**
 * Worker thread for scenario 7: replays an editing trace through a stock y-websocket
 * WebsocketProvider (what browsers run) as fast as the client can send — one transaction per
 * trace transaction, yielding to the event loop only every YIELD_EVERY transactions so that the
 * socket writes — then asks the server for its state (sync step 1) and reports when the answer
 * came: our server answers once everything received before is durable; stock once it has applied
 * it. Posts { sentMs, ackedMs, closedForGood, closeCodes, updates } or { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';

const YIELD_EVERY = 1000;
const { serverUrl, docName, token, section, trace } = workerData;

const doc = new Y.Doc();
const provider = new WebsocketProvider(serverUrl, docName, doc, {
  WebSocketPolyfill: WebSocket,
  params: token ? { token } : {},
  disableBc: true,
});
const closeCodes = [];
provider.on('connection-close', (event) => event && closeCodes.push(event.code));
// A close the stock client does not come back from (4400–4499): what it had not sent is lost.
const closedForGood = new Promise((resolve) => provider.on('closed', resolve));
const yieldToLoop = () => new Promise((r) => setImmediate(r));

try {
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no sync in 20 s')), 20_000);
    provider.on('sync', (s) => s && (clearTimeout(t), resolve()));
  });
  let text;
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    text = new Y.XmlText(trace.startContent);
    p.insert(0, [text]);
    doc.getXmlFragment(section).push([p]);
  });
  const t0 = performance.now();
  let n = 0;
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    });
    if (++n % YIELD_EVERY === 0) await yieldToLoop();
  }
  const sentMs = performance.now() - t0;
  // Wait until the socket has written everything, then probe: the answer comes after the updates.
  while (provider.ws && provider.ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 5));
  if (!provider.ws) {
    parentPort.postMessage({ sentMs, closedForGood: true, closeCodes, updates: trace.txns.length });
    await closedForGood;
    process.exit(0);
  }
  const acked = new Promise((resolve) => {
    const onMessage = (data) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] === 0 && bytes[1] === 1) {
        provider.ws.off('message', onMessage);
        resolve();
      }
    };
    provider.ws.on('message', onMessage);
  });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  provider.ws.send(encoding.toUint8Array(encoder));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('no answer to the final probe in 300 s')), 300_000),
  );
  const ended = await Promise.race([
    acked.then(() => 'acked'),
    closedForGood.then(() => 'closed'),
    timeout,
  ]);
  const ackedMs = performance.now() - t0;
  parentPort.postMessage({
    sentMs,
    ackedMs,
    closedForGood: ended === 'closed',
    closeCodes,
    updates: trace.txns.length,
  });
} catch (err) {
  parentPort.postMessage({ error: String(err?.message ?? err), closeCodes });
} finally {
  provider.destroy();
  doc.destroy();
}
