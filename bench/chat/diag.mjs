// Preloaded into the API by run.mjs when BENCH_API_DIAG=1 (node --import): once a second, one
// JSON line with the event loop delay (p99, max) and the longest GC pause of that second, so
// latency spikes seen by the generator can be matched with what the server was doing.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let gcMax = 0;
let gcKind = '';
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration > gcMax) {
      gcMax = entry.duration;
      gcKind = String(entry.detail?.kind ?? '');
    }
  }
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  process.stdout.write(
    `${JSON.stringify({ diag: Date.now(), loopP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)), loopMaxMs: Number((loop.max / 1e6).toFixed(1)), gcMaxMs: Number(gcMax.toFixed(1)), gcKind })}\n`,
  );
  loop.reset();
  gcMax = 0;
}, 1_000).unref();
