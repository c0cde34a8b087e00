/**
 * Where a fan-out scenario's latency tail sits in time. Reads the file that
 * `BENCH_TIMELINE=<dir> npm run bench:collab -- --only=1` writes (per server: each measured update's
 * send time and slowest delivery) and prints, per server, the updates slower than a threshold
 * grouped into bursts, with the gap since the previous burst: periodic work shows as regular gaps.
 *
 *   node bench/collab/timeline.mjs <dir>/fanout-s1.json [--over=<ms>]   (default: each server's p99)
 */
import { readFileSync } from 'node:fs';

const [file, ...flags] = process.argv.slice(2);
const over = Number(flags.find((f) => f.startsWith('--over='))?.slice(7)) || null;
const BURST_GAP_MS = 50;

for (const [kind, rows] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) {
  const sorted = rows.map((r) => r[1]).sort((a, b) => a - b);
  const threshold = over ?? sorted[Math.floor(sorted.length * 0.99)];
  const slow = rows.filter((r) => r[1] > threshold);
  const bursts = [];
  for (const [at, ms] of slow) {
    const last = bursts.at(-1);
    if (last && at - last.end <= BURST_GAP_MS) {
      last.end = at;
      last.count++;
      last.max = Math.max(last.max, ms);
    } else bursts.push({ start: at, end: at, count: 1, max: ms });
  }
  console.log(
    `${kind}: ${rows.length} updates, worst-delivery p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, ` +
      `p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms; ` +
      `${slow.length} over ${threshold.toFixed(2)} ms in ${bursts.length} bursts`,
  );
  const t0 = rows[0]?.[0] ?? 0;
  let previous = null;
  for (const b of bursts) {
    const gap = previous === null ? '' : ` (+${(b.start - previous).toFixed(0)} ms)`;
    console.log(
      `  t=${((b.start - t0) / 1000).toFixed(3)} s${gap}: ${b.count} update(s) over ${(b.end - b.start).toFixed(0)} ms, max ${b.max.toFixed(1)} ms`,
    );
    previous = b.start;
  }
}
