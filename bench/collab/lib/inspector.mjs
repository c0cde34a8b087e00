/**
 * The V8 inspector of a server started with --inspect=127.0.0.1:<port>: forces a full GC and reads
 * process.memoryUsage(), so that memory growth can be told from garbage not yet collected.
 */
import WebSocket from 'ws';

export async function inspectorSession(port, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  let target;
  while (!target && Date.now() < end) {
    try {
      target = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json())[0];
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!target) throw new Error('no inspector target');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let id = 0;
  const pending = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    const p = pending.get(msg.id);
    if (p) {
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    }
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const n = ++id;
      pending.set(n, { resolve, reject });
      ws.send(JSON.stringify({ id: n, method, params }));
      setTimeout(
        () => pending.has(n) && (pending.delete(n), reject(new Error(`${method} timed out`))),
        timeoutMs,
      );
    });
  return {
    async gc() {
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
    },
    async memory() {
      const r = await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      return JSON.parse(r.result.value);
    },
    close() {
      ws.close();
    },
  };
}
