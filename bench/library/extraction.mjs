// Text extraction in the background: does reading a big PDF hold up the API's requests?
//
// Makes a 300-page PDF (pdfkit, ~1.5 KB of text a page), then, in this process, serves a trivial
// HTTP endpoint and probes it (keep-alive, PROBE_RATE requests a second) while
// perf_hooks.monitorEventLoopDelay watches the event loop (delay beyond its 5 ms timer): first for WINDOW seconds with nothing
// else running (the baseline), then while FileProcessor (the built API's, apps/api/dist) extracts
// the PDF's text and renders its preview, over and over for the same window. Prints the extraction
// time, the loop delay p50/p99/max, the HTTP latency p50/p99 and this process's CPU beside the
// baseline. On a shared machine the loop's worst stalls come from other processes: the baseline
// shows them too.
//
// `node bench/library/extraction.mjs` runs it alone (holding the machine's benchmark lock);
// `benchExtraction()` is for bench/library/run.mjs. Knobs: BENCH_EXTRACTION_PAGES (300),
// BENCH_EXTRACTION_SECONDS (the window, 15), BENCH_SKIP_BUILD=1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { holdMachineLock } from '../lib/machine-lock.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const PROCESSOR = path.join(root, 'apps/api/dist/files/processing/file-processor.js');
const WORKER = path.join(root, 'apps/api/dist/files/processing/worker/process-file.mjs');
const PROBE_RATE = 50;
/** monitorEventLoopDelay's timer interval: its figures include it, and are reported without it. */
const RESOLUTION_MS = 5;
/** The target: reading a file in the background must not hold requests up by more than this. */
export const TARGET_LOOP_P99_MS = 20;

const log = (...args) => console.error('[bench:library extraction]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const delay = (ns) => Math.max(0, Math.round(ns / 1e4 - RESOLUTION_MS * 100) / 100);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** The API build (with the processing worker copied beside it) when missing or older than the sources. */
function buildIfStale() {
  const stale =
    !existsSync(WORKER) ||
    newestMtime(path.join(root, 'apps/api/src/files/processing')) > statSync(WORKER).mtimeMs;
  if (process.env.BENCH_SKIP_BUILD === '1' || !stale) return;
  log('building libs/domain and apps/api…');
  const r = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'domain', 'api'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (r.status !== 0) throw new Error('build failed');
}

/** A PDF of `pages` pages of plain paragraphs. */
export function makeLongPdf(pages) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const paragraph =
    'The pairing agreed to share its mobility data monthly, to run two study visits a year and to ' +
    'publish what each city learns about low-emission zones, cycling networks and bus priority. ';
  for (let p = 1; p <= pages; p++) {
    doc.addPage().font('Helvetica').fontSize(11);
    doc.text(`Page ${p}. ${paragraph.repeat(8)}`);
  }
  doc.end();
  return done;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Probes a trivial endpoint of a server in this process, and watches the loop, until `until` settles. */
async function measure(until) {
  const server = http.createServer((req, res) => res.end('ok'));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const { port } = server.address();
  const latencies = [];
  let stop = false;
  const probe = () =>
    new Promise((resolve) => {
      const started = performance.now();
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            resolve();
          });
        })
        .on('error', resolve);
    });
  const prober = (async () => {
    while (!stop) {
      void probe();
      await sleep(1000 / PROBE_RATE);
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await until();
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  loop.disable();
  stop = true;
  await prober;
  agent.destroy();
  server.close();
  latencies.sort((a, b) => a - b);
  return {
    ...outcome,
    loopP50Ms: delay(loop.percentile(50)),
    loopP99Ms: delay(loop.percentile(99)),
    loopMaxMs: delay(loop.max),
    httpP50Ms: Math.round(percentile(latencies, 50) * 100) / 100,
    httpP99Ms: Math.round(percentile(latencies, 99) * 100) / 100,
    requests: latencies.length,
    // This process's own CPU over the window (the probes and the server included), as a share of one core.
    processCpuPercent: Math.round(((used.user + used.system) / 1000 / wallMs) * 1000) / 10,
  };
}

/** The figures: extraction of a generated PDF in the background beside the same window idle. */
export async function benchExtraction({
  pages = Number(process.env.BENCH_EXTRACTION_PAGES || 300),
  seconds = Number(process.env.BENCH_EXTRACTION_SECONDS || 15),
} = {}) {
  buildIfStale();
  const { FileProcessor } = await import(pathToFileURL(PROCESSOR).href);
  const processor = new FileProcessor({
    fileProcessingTimeoutSeconds: 600,
    fileProcessingMaxMemoryMb: 512,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-extraction-'));
  try {
    const file = path.join(dir, 'long.pdf');
    const bytes = await makeLongPdf(pages);
    writeFileSync(file, bytes);
    log(
      `${pages}-page PDF: ${(bytes.length / 1024).toFixed(0)} KB; load average ${loadavg()[0].toFixed(2)}`,
    );
    // One run before measuring: the first child pays for cold disk caches.
    await processor.process(file, 'application/pdf', 'long.pdf');

    const baseline = await measure(async () => {
      await sleep(seconds * 1000);
      return {};
    });
    log('baseline', baseline);
    const during = await measure(async () => {
      const runs = [];
      const end = performance.now() + seconds * 1000;
      let result;
      while (performance.now() < end || runs.length === 0) {
        const started = performance.now();
        result = await processor.process(file, 'application/pdf', 'long.pdf');
        runs.push(performance.now() - started);
      }
      if (result.error || result.pages !== pages)
        throw new Error(`extraction failed: ${result.error}`);
      runs.sort((a, b) => a - b);
      return {
        runs: runs.length,
        extractionMedianMs: Math.round(percentile(runs, 50)),
        extractionMaxMs: Math.round(runs[runs.length - 1]),
        textChars: result.text.length,
        previewBytes: result.preview?.length ?? 0,
      };
    });
    log('during extraction', during);
    return { pages, pdfBytes: bytes.length, baseline, during };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as table rows, for this script and for run.mjs. */
export function extractionTable({ pages, baseline, during }) {
  const rows = [
    ['', 'baseline (idle)', `extracting a ${pages}-page PDF`],
    [
      'event-loop delay p50 / p99 / max (ms)',
      `${baseline.loopP50Ms} / ${baseline.loopP99Ms} / ${baseline.loopMaxMs}`,
      `${during.loopP50Ms} / ${during.loopP99Ms} / ${during.loopMaxMs}`,
    ],
    [
      'HTTP latency p50 / p99 (ms)',
      `${baseline.httpP50Ms} / ${baseline.httpP99Ms}`,
      `${during.httpP50Ms} / ${during.httpP99Ms}`,
    ],
    ['requests probed', String(baseline.requests), String(during.requests)],
    [
      "this process's CPU (% of a core)",
      String(baseline.processCpuPercent),
      String(during.processCpuPercent),
    ],
    [
      'extraction time median / max (ms)',
      '—',
      `${during.extractionMedianMs} / ${during.extractionMaxMs} (${during.runs} runs)`,
    ],
    [
      `loop p99 ≤ ${TARGET_LOOP_P99_MS} ms`,
      '',
      during.loopP99Ms <= TARGET_LOOP_P99_MS ? 'yes' : 'NO',
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await holdMachineLock('bench:library extraction', { log });
  const figures = await benchExtraction();
  console.log(extractionTable(figures));
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures, null, 2));
}
