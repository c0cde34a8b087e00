/**
 * Load-generating clients speaking the y-websocket protocol over `ws`.
 *
 * - Receivers are raw websockets: they send sync step 1 (empty state vector) and then only read
 *   the message header of each frame. A sync "update" frame is mapped to the update that caused it
 *   by the sequence number the writer typed into the text, `⟦<seq>⟧`, found in the frame's bytes
 *   (Yjs writes strings as UTF-8, so the typed text appears verbatim in the update).
 * - A sampled receiver additionally applies every frame to a Y.Doc (convergence check).
 * - Writers hold a Y.Doc (they type into it), answer the server's sync step 1, apply what they
 *   receive, and send each local transaction as one update.
 *
 * A Hub keeps, per sequence number, the send time, the writer and its document group, and per
 * connection a bitmap of the sequence numbers it received: latency = receive time − send time.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

export const SECTION = 'section:context';
const OPEN = Buffer.from('⟦'); // E2 9F A6
const CLOSE0 = 0xe2;
const STEP1_EMPTY = Buffer.from([0, 0, 1, 0]); // sync, step 1, state vector of an empty doc

export function updateFrame(update) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function step1Frame(doc) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Every ⟦n⟧ in a buffer (or string), in order. */
export function markersIn(buf, from = 0) {
  const out = [];
  let i = buf.indexOf(OPEN, from);
  while (i !== -1) {
    let j = i + OPEN.length;
    let n = 0;
    let digits = 0;
    while (j < buf.length && buf[j] >= 0x30 && buf[j] <= 0x39) {
      n = n * 10 + (buf[j] - 0x30);
      j++;
      digits++;
    }
    if (digits && buf[j] === CLOSE0) out.push(n);
    i = buf.indexOf(OPEN, j);
  }
  return out;
}

export function markersInText(text) {
  return [...text.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
}

/** Plain text of the section (all paragraphs, in order). */
export function sectionText(doc) {
  const parts = [];
  for (const p of doc.getXmlFragment(SECTION).toArray()) {
    if (!(p instanceof Y.XmlElement)) continue;
    for (const t of p.toArray())
      if (t instanceof Y.XmlText)
        parts.push(
          t
            .toDelta()
            .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
            .join(''),
        );
    parts.push('\n');
  }
  return parts.join('');
}

export class Hub {
  /** `maxSeq`: capacity of the per-connection bitmaps; `maxSamples`: latency samples kept. */
  constructor({ maxSeq, maxSamples }) {
    this.maxSeq = maxSeq;
    this.sendTime = new Float64Array(maxSeq);
    this.writerOf = new Int32Array(maxSeq).fill(-1);
    this.groupOf = new Int32Array(maxSeq).fill(-1);
    this.latency = new Float64Array(maxSamples);
    /** Per update: its slowest delivery (for the latency timeline, BENCH_TIMELINE). */
    this.worstLatency = new Float64Array(maxSeq);
    this.samples = 0;
    this.nextSeq = 1;
    this.conns = [];
    this.groupSize = new Map();
    this.duplicates = 0;
    this.unexpected = 0;
    this.closedUnexpectedly = [];
    this.recording = true;
    /** Sequence numbers below this one (a warm-up) are not accounted. */
    this.measureFrom = 1;
  }

  /** Starts the measured phase: what was sent before is ignored from here on. */
  startMeasuring() {
    this.measureFrom = this.nextSeq;
    this.samples = 0;
    this.duplicates = 0;
    this.unexpected = 0;
    this.closedUnexpectedly.length = 0;
    for (const c of this.conns) c.receivedCount = 0;
  }

  allocSeq() {
    if (this.nextSeq >= this.maxSeq) throw new Error('hub: sequence capacity exhausted');
    return this.nextSeq++;
  }

  register(conn) {
    conn.id = this.conns.length;
    conn.received = new Uint8Array(this.maxSeq);
    this.conns.push(conn);
    this.groupSize.set(conn.group, (this.groupSize.get(conn.group) ?? 0) + 1);
  }

  observe(conn, buf, now) {
    if (!this.recording) return;
    for (const seq of markersIn(buf, 2)) {
      if (seq >= this.maxSeq || this.writerOf[seq] < 0 || this.groupOf[seq] !== conn.group) {
        this.unexpected++;
        continue;
      }
      if (this.writerOf[seq] === conn.id) continue; // the stock server echoes to the sender
      if (seq < this.measureFrom) continue; // warm-up
      if (conn.received[seq]) {
        this.duplicates++;
        continue;
      }
      conn.received[seq] = 1;
      conn.receivedCount++;
      this.lastReceiveAt = now;
      const latency = now - this.sendTime[seq];
      if (this.samples < this.latency.length) this.latency[this.samples++] = latency;
      if (latency > this.worstLatency[seq]) this.worstLatency[seq] = latency;
    }
  }

  /** Deliveries owed: for each update sent, one per other connection of its document. */
  expectedDeliveries() {
    let n = 0;
    for (let s = this.measureFrom; s < this.nextSeq; s++)
      if (this.writerOf[s] >= 0 && this.sendTime[s] > 0)
        n += (this.groupSize.get(this.groupOf[s]) ?? 1) - 1;
    return n;
  }

  deliveries() {
    let n = 0;
    for (const c of this.conns) n += c.receivedCount;
    return n;
  }

  sent() {
    let n = 0;
    for (let s = this.measureFrom; s < this.nextSeq; s++) if (this.sendTime[s] > 0) n++;
    return n;
  }

  latencies() {
    return this.latency.subarray(0, this.samples);
  }

  /** Measured updates as [send time ms, slowest delivery ms], in send order: where the tail sits in time. */
  timeline() {
    const rows = [];
    for (let s = this.measureFrom; s < this.nextSeq; s++)
      if (this.sendTime[s] > 0)
        rows.push([+this.sendTime[s].toFixed(2), +this.worstLatency[s].toFixed(2)]);
    return rows;
  }

  closeAll() {
    for (const c of this.conns) c.terminate();
  }
}

/**
 * One connection. `doc`: a Y.Doc to apply frames to (writers, sampled receivers); `writer`: types
 * into `doc` and sends its updates.
 */
export class Conn {
  constructor(hub, url, { group = 0, doc = null, writer = false } = {}) {
    this.hub = hub;
    this.url = url;
    this.group = group;
    this.doc = doc;
    this.writer = writer;
    this.receivedCount = 0;
    this.synced = false;
    this.closed = false;
    this.closeCode = null;
    this.text = null;
    this.pendingSeq = 0;
    this.frames = 0;
    hub?.register(this);
    if (writer) {
      doc.on('update', (update, origin) => {
        if (origin === 'remote') return;
        const seq = this.pendingSeq;
        this.pendingSeq = 0;
        const frame = updateFrame(update);
        if (seq && this.hub) {
          this.hub.writerOf[seq] = this.id;
          this.hub.groupOf[seq] = this.group;
          this.hub.sendTime[seq] = performance.now();
        }
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
      });
    }
  }

  /** Connects; resolves once the server answered our sync step 1 (sync step 2 received). */
  open(timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
      this.t0 = performance.now();
      const ws = new WebSocket(this.url, { perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => {
        reject(new Error(`sync timeout on ${this.url.replace(/\?.*/, '')}`));
        ws.terminate();
      }, timeoutMs);
      this.onSynced = () => {
        clearTimeout(timer);
        resolve(this);
      };
      ws.on('open', () => {
        this.openMs = performance.now() - this.t0;
        ws.send(this.doc ? step1Frame(this.doc) : STEP1_EMPTY);
      });
      ws.on('message', (data) => this.onMessage(data));
      ws.on('error', () => undefined);
      ws.on('close', (code) => {
        this.closed = true;
        this.closeCode = code;
        clearTimeout(timer);
        if (!this.synced)
          reject(new Error(`closed ${code} before sync on ${this.url.replace(/\?.*/, '')}`));
        else if (!this.expectClose) this.hub?.closedUnexpectedly.push(code);
      });
    });
  }

  onMessage(buf) {
    const now = performance.now();
    this.frames++;
    if (buf[0] !== 0) return; // awareness and others: not measured
    const type = buf[1];
    if (type === 1 && this.syncMs === undefined) {
      this.syncMs = now - this.t0;
      this.step2Bytes = buf.length;
    }
    if (type === 2 && this.hub) this.hub.observe(this, buf, now);
    if (this.doc && (type === 1 || type === 2 || (type === 0 && this.writer))) {
      const decoder = decoding.createDecoder(buf);
      decoding.readVarUint(decoder);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote');
      if (this.writer && encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
    }
    if (type === 1 && !this.synced) {
      this.synced = true;
      this.onSynced?.();
    }
  }

  /** Types `⟦seq⟧ ` at the end of this writer's own paragraph (created on first use). */
  type(seq) {
    this.doc.transact(() => {
      if (!this.text) {
        const p = new Y.XmlElement('paragraph');
        this.text = new Y.XmlText();
        p.insert(0, [this.text]);
        this.doc.getXmlFragment(SECTION).push([p]);
      }
      this.pendingSeq = seq;
      this.text.insert(this.text.length, `⟦${seq}⟧ `);
    });
  }

  close() {
    this.expectClose = true;
    try {
      this.ws?.close();
    } catch {
      // already closed
    }
  }

  terminate() {
    this.expectClose = true;
    this.ws?.terminate();
  }

  whenClosed(timeoutMs = 5_000) {
    if (this.closed || !this.ws) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      this.ws.once('close', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/** Opens connections with bounded concurrency; rejects on the first failure. */
export async function openAll(conns, concurrency = 50, timeoutMs = 30_000) {
  let next = 0;
  const worker = async () => {
    while (next < conns.length) {
      const c = conns[next++];
      await c.open(timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, conns.length) }, worker));
}

export async function closeAll(conns, timeoutMs = 5_000) {
  for (const c of conns) c.close();
  await Promise.all(conns.map((c) => c.whenClosed(timeoutMs)));
}

/**
 * Runs writers at `ratePerWriter` updates/s for `durationMs` (phases spread evenly), each update one
 * `type()`. Resolves with { planned, sent }.
 */
export function drive(hub, writers, ratePerWriter, durationMs) {
  const period = 1000 / ratePerWriter;
  let planned = 0;
  writers.forEach(
    (_, i) => (planned += Math.ceil((durationMs - (period * i) / writers.length) / period)),
  );
  let sent = 0;
  const t0 = performance.now() + 20;
  return new Promise((resolve) => {
    let running = writers.length;
    writers.forEach((w, i) => {
      const phase = (period * i) / writers.length;
      let k = 0;
      const tick = () => {
        const due = t0 + phase + k * period;
        if (due - t0 >= durationMs || w.closed) {
          if (--running === 0) resolve({ planned, sent });
          return;
        }
        const now = performance.now();
        if (now >= due) {
          w.type(hub.allocSeq());
          sent++;
          k++;
          // a writer that fell behind skips the missed slots (counted as misses), not bursts
          while (t0 + phase + k * period < performance.now() - period) k++;
        }
        setTimeout(tick, Math.max(0, t0 + phase + k * period - performance.now()));
      };
      setTimeout(tick, Math.max(0, t0 + phase - performance.now()));
    });
  });
}

/** Waits (bounded) until `cond()` holds; returns whether it did. */
export async function until(cond, timeoutMs, stepMs = 20) {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}
