// Load generator for bench:chat (run by run.mjs on its own core with taskset). Reads its plan as
// JSON from argv[2]; connects the clients, joins their channels, then for each step sends
// `rate` messages a second for `seconds`, round-robin over the clients, each body carrying the
// message's sequence number and send time. Receivers measure send-to-receive latency and count
// lost and duplicated deliveries. Prints one JSON line per step ({"step": …}) and {"done": true}.
// Every loop is bounded in count and time.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const {
  urls,
  clients: clientSpecs,
  steps,
  drainMs = 15_000,
  serverPids = [],
  padBytes = 80,
} = plan;
const TICK_MS = 2;
const PAD = 'x'.repeat(padBytes);
const CLK_TCK = 100;
const CORES = cpus().length;

const emit = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function procCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** CPU seconds of every running PostgreSQL and Redis process (the services ours relies on). */
function servicesCpuSeconds() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!comm.startsWith('postgres') && !comm.startsWith('redis')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] || 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { idle, total };
}

// The generator's own garbage collection pauses, by second of the measured window: a worst second
// that lines up with one is the generator's stall, not the server's.
new PerformanceObserver((list) => {
  const m = measuring;
  if (!m?.windowStart) return;
  for (const entry of list.getEntries()) {
    const second = Math.floor((entry.startTime - m.windowStart) / 1000);
    if (second >= 0 && second < m.perSecondGc.length && entry.duration > m.perSecondGc[second])
      m.perSecondGc[second] = entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

// ------------------------------------------------------------------------------------------
// Clients

/** @type {{socket: import('socket.io-client').Socket, channelId: string, seen: Set<number>}[]} */
const clients = [];
// Per step measurement state (reset per step).
let measuring = null;

function onMessage(client, message) {
  const body = message?.body;
  if (typeof body !== 'string' || body.charCodeAt(0) !== 98 /* b */) return;
  const firstColon = body.indexOf(':');
  const secondColon = body.indexOf(':', firstColon + 1);
  const seq = Number(body.slice(firstColon + 1, secondColon));
  const sentAt = Number(body.slice(secondColon + 1, body.indexOf(':', secondColon + 1)));
  const now = performance.now();
  const m = measuring;
  if (!m || seq < m.firstSeq || seq >= m.firstSeq + m.capacity) return;
  if (client.seen.has(seq)) {
    m.duplicates++;
    return;
  }
  client.seen.add(seq);
  const i = seq - m.firstSeq;
  m.received[i]++;
  const latency = now - sentAt;
  if (m.latCount < m.latencies.length) m.latencies[m.latCount++] = latency;
  const second = Math.floor((now - m.windowStart) / 1000);
  if (second >= 0 && second < m.perSecondMax.length && latency > m.perSecondMax[second])
    m.perSecondMax[second] = latency;
  if (m.windowEnd === 0) m.deliveredInWindow++;
}

async function connectAll() {
  const started = performance.now();
  const batch = 50;
  for (let i = 0; i < clientSpecs.length; i += batch) {
    await Promise.all(
      clientSpecs.slice(i, i + batch).map(
        (spec, j) =>
          new Promise((resolve, reject) => {
            const url = spec.url ?? urls[(i + j) % urls.length];
            const socket = io(`${url}/discussions`, {
              transports: ['websocket'],
              auth: { token: spec.token },
              reconnection: false,
              forceNew: true,
              timeout: 10_000,
            });
            const client = { socket, channelId: spec.channelId, seen: new Set() };
            socket.on('message:new', (m) => onMessage(client, m));
            socket.once('connect', async () => {
              try {
                const ack = await socket
                  .timeout(10_000)
                  .emitWithAck('channel:join', { channelId: spec.channelId });
                if (!ack?.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
                clients.push(client);
                resolve();
              } catch (err) {
                reject(err);
              }
            });
            socket.once('connect_error', reject);
          }),
      ),
    );
    if (performance.now() - started > 120_000)
      throw new Error('connecting took more than 2 minutes');
  }
}

// ------------------------------------------------------------------------------------------
// One step: `rate` messages a second for `seconds` (after `warmup` seconds not measured).

let nextSeq = 1;

async function runStep({ rate, seconds, warmup = 2, label }) {
  const members = new Map();
  for (const c of clients) members.set(c.channelId, (members.get(c.channelId) ?? 0) + 1);
  // Warm-up at the same rate, not measured.
  await sendAt(rate, warmup, null);
  const capacity = Math.ceil(rate * seconds * 1.2) + 1000;
  const maxDeliveries = Math.min(capacity * 12, 4_000_000);
  const m = {
    firstSeq: nextSeq,
    capacity,
    received: new Uint16Array(capacity),
    expected: new Uint16Array(capacity),
    acked: new Uint8Array(capacity),
    latencies: new Float64Array(maxDeliveries),
    latCount: 0,
    ackLatencies: new Float64Array(capacity),
    ackCount: 0,
    refused: 0,
    ackErrors: new Map(),
    duplicates: 0,
    deliveredInWindow: 0,
    windowStart: 0,
    windowEnd: 0,
    perSecondMax: new Float64Array(Math.ceil(seconds) + 30),
    perSecondLag: new Float64Array(Math.ceil(seconds) + 30),
    perSecondGc: new Float64Array(Math.ceil(seconds) + 30),
    sent: 0,
  };
  for (const c of clients) c.seen.clear();
  measuring = m;
  const cpu0 = process.cpuUsage();
  const server0 = serverPids.map(procCpuSeconds);
  const machine0 = machineCpu();
  const services0 = servicesCpuSeconds();
  const lag = { max: 0, sum: 0, n: 0 };
  m.windowStart = performance.now();
  const windowStartEpoch = Date.now();
  await sendAt(rate, seconds, m, members, lag);
  m.windowEnd = performance.now();
  const wall = (m.windowEnd - m.windowStart) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverPids.map(procCpuSeconds);
  const machine1 = machineCpu();
  const services1 = servicesCpuSeconds();
  // Let the last acknowledgements and messages arrive (a message refused by an ack is not expected).
  const drainStart = performance.now();
  while (performance.now() - drainStart < drainMs) {
    let missing = false;
    for (let i = 0; i < m.sent && !missing; i++)
      if (m.acked[i] === 0 || (m.acked[i] === 1 && m.received[i] < m.expected[i])) missing = true;
    if (!missing) break;
    await sleep(50);
  }
  const drainedMs = performance.now() - drainStart;
  measuring = null;
  let lost = 0;
  let ackedOk = 0;
  let unacked = 0;
  let expectedDeliveries = 0;
  for (let i = 0; i < m.sent; i++) {
    if (m.acked[i] === 2) continue;
    if (m.acked[i] === 1) ackedOk++;
    else unacked++;
    expectedDeliveries += m.expected[i];
    if (m.received[i] < m.expected[i]) lost += m.expected[i] - m.received[i];
  }
  const lat = m.latencies.subarray(0, m.latCount).sort();
  const ackLat = m.ackLatencies.subarray(0, m.ackCount).sort();
  const pct = (arr, p) =>
    arr.length ? arr[Math.min(arr.length - 1, Math.floor((arr.length * p) / 100))] : NaN;
  const generatorCpu = ((cpu.user + cpu.system) / 1e6 / wall) * 100;
  const sentRate = m.sent / wall;
  const result = {
    step: label,
    targetRate: rate,
    seconds: Number(wall.toFixed(2)),
    sent: m.sent,
    sentPerSecond: Number(sentRate.toFixed(1)),
    acked: ackedOk,
    unacked,
    refused: m.refused,
    drainMs: Math.round(drainedMs),
    ackErrors: Object.fromEntries(m.ackErrors),
    expectedDeliveries,
    deliveredPerSecond: Number((m.deliveredInWindow / wall).toFixed(1)),
    p50: Number(pct(lat, 50).toFixed(2)),
    p99: Number(pct(lat, 99).toFixed(2)),
    max: Number((lat.length ? lat[lat.length - 1] : NaN).toFixed(2)),
    ackP50: Number(pct(ackLat, 50).toFixed(2)),
    ackP99: Number(pct(ackLat, 99).toFixed(2)),
    lost,
    duplicated: m.duplicates,
    generatorCpu: Number(generatorCpu.toFixed(1)),
    serverCpu: serverPids.map((_, i) =>
      Number((((server1[i] - server0[i]) / wall) * 100).toFixed(1)),
    ),
    machineCpu: Number(
      (100 * (1 - (machine1.idle - machine0.idle) / (machine1.total - machine0.total))).toFixed(1),
    ),
    cores: CORES,
    servicesCpu: Number((((services1 - services0) / wall) * 100).toFixed(1)),
    eventLoopLagMaxMs: Number(lag.max.toFixed(1)),
    windowStartEpoch,
    /** The worst seconds of the window (by largest latency), for matching with server diagnostics. */
    worstSeconds: [...m.perSecondMax]
      .map((ms, second) => ({
        second,
        ms: Number(ms.toFixed(1)),
        generatorLagMs: Number(m.perSecondLag[second].toFixed(1)),
        generatorGcMs: Number(m.perSecondGc[second].toFixed(1)),
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
  const reasons = [];
  if (generatorCpu > 85) reasons.push(`generator CPU ${generatorCpu.toFixed(0)}% > 85%`);
  if (sentRate < rate * 0.95) reasons.push(`sent ${sentRate.toFixed(0)}/s < 95% of ${rate}/s`);
  result.valid = reasons.length === 0;
  result.invalidBecause = reasons;
  return result;
}

/**
 * Sends round-robin at `rate`/s for `seconds`: every tick, as many as are due by now (a late tick
 * catches up, so the rate holds unless the generator is saturated — which the CPU check reports).
 */
async function sendAt(rate, seconds, m, members, lag) {
  const start = performance.now();
  const end = start + seconds * 1000;
  let due = 0;
  let sentHere = 0;
  let rr = 0;
  let lastTick = start;
  const maxTicks = Math.ceil((seconds * 1000) / TICK_MS) * 4 + 1000;
  for (let tick = 0; tick < maxTicks; tick++) {
    const now = performance.now();
    if (now >= end) break;
    if (lag) {
      const late = now - lastTick - TICK_MS;
      if (late > lag.max) lag.max = late;
      const second = Math.floor((now - m.windowStart) / 1000);
      if (second >= 0 && second < m.perSecondLag.length && late > m.perSecondLag[second])
        m.perSecondLag[second] = late;
    }
    lastTick = now;
    due = Math.floor(((now - start) / 1000) * rate);
    while (sentHere < due) {
      const client = clients[rr++ % clients.length];
      const seq = nextSeq++;
      const sentAt = performance.now();
      const body = `b:${seq}:${sentAt.toFixed(3)}:${PAD}`;
      if (m) {
        const i = seq - m.firstSeq;
        if (i < m.capacity) {
          m.expected[i] = (members.get(client.channelId) ?? 1) - 1;
          m.sent++;
        }
      }
      sentHere++;
      client.socket.emit('message:send', { channelId: client.channelId, body }, (ack) => {
        if (!m) return;
        const i = seq - m.firstSeq;
        if (i >= m.capacity) return;
        if (ack?.ok) {
          m.acked[i] = 1;
          if (m.ackCount < m.ackLatencies.length)
            m.ackLatencies[m.ackCount++] = performance.now() - sentAt;
        } else {
          m.acked[i] = 2;
          m.refused++;
          const code = ack?.code ?? 'unknown';
          m.ackErrors.set(code, (m.ackErrors.get(code) ?? 0) + 1);
        }
      });
    }
    await sleep(TICK_MS);
  }
}

// ------------------------------------------------------------------------------------------

const deadline = setTimeout(() => {
  emit({ error: 'generator exceeded its time budget' });
  process.exit(2);
}, plan.budgetMs ?? 900_000);
deadline.unref();

try {
  const t0 = performance.now();
  await connectAll();
  emit({ connected: clients.length, ms: Math.round(performance.now() - t0) });
  let previousValid = true;
  for (const step of steps) {
    if (!previousValid && step.stopOnInvalid) break;
    const result = await runStep(step);
    emit(result);
    previousValid =
      result.valid &&
      result.lost === 0 &&
      result.unacked === 0 &&
      !(result.p99 > (step.maxP99Ms ?? Infinity));
  }
  emit({ done: true });
} catch (err) {
  emit({ error: err.message });
  process.exitCode = 1;
} finally {
  for (const c of clients) c.socket.close();
  setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
}
