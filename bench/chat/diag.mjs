// Preloaded into the API by run.mjs when BENCH_API_DIAG=1 (node --import): once a second, one
// JSON line with the event loop delay (p99, max), the longest GC pause of that second, the total
// time in scavenges and in full collections, and the process's CPU time, so that latency spikes
// seen by the generator can be matched with what the server was doing.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let gcMax = 0;
let gcKind = '';
/** GC pause time this second by kind (perf_hooks: 1 minor/scavenge, 2 major, 4 incremental, 8 weak callbacks). */
let gcTotal = {};
let cpu = process.cpuUsage();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = String(entry.detail?.kind ?? '');
    gcTotal[kind] = (gcTotal[kind] ?? 0) + entry.duration;
    if (entry.duration > gcMax) {
      gcMax = entry.duration;
      gcKind = kind;
    }
  }
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  const cpuNow = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ diag: Date.now(), loopP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)), loopMaxMs: Number((loop.max / 1e6).toFixed(1)), gcMaxMs: Number(gcMax.toFixed(1)), gcKind, gcTotalMs: Object.fromEntries(Object.entries(gcTotal).map(([k, v]) => [k, Number(v.toFixed(1))])), cpuMs: Math.round((cpuNow.user + cpuNow.system) / 1000) })}\n`,
  );
  gcTotal = {};
  loop.reset();
  gcMax = 0;
}, 1_000).unref();
