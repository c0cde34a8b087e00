// npm run bench:library — the knowledge library's benchmark (issue 23), each figure beside its
// baseline from the same run:
//   1. uploads: a 1 GB file through tus beside a bare pipe-to-disk server (upload.mjs);
//   2. browsing the library while 20 people upload 20 MB files, beside browsing alone (browse.mjs);
//   3. a 300-page PDF read in the background: the event loop's delay beside idle (extraction.mjs);
//   4. background jobs: send → handler latency (job-latency.mjs).
// Builds domain and api first (BENCH_SKIP_BUILD=1 skips), holds the machine's benchmark lock, pins
// PostgreSQL and the API to core 0 and itself to core 1 (BENCH_PIN_SERVICES=0 leaves them).
// BENCH_PARTS=upload,browse,extraction,jobs picks parts; BENCH_OUT=<file.json> keeps the figures.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import { pinServices } from '../lib/pin-services.mjs';
import { printBrowseFigures, runBrowseBench } from './browse.mjs';
import { benchExtraction, extractionTable } from './extraction.mjs';
import { benchJobLatency, printJobLatency } from './job-latency.mjs';
import { printUploadFigures, runUploadBench } from './upload.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const log = (...args) => console.error('[bench:library]', ...args);
const parts = new Set((process.env.BENCH_PARTS || 'upload,browse,extraction,jobs').split(','));

await holdMachineLock('bench:library', { log });
if (process.env.BENCH_SKIP_BUILD !== '1') {
  log('building domain and api…');
  const built = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'domain', 'api'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
const unpin = process.env.BENCH_PIN_SERVICES !== '0' ? pinServices('0', log) : () => {};
const figures = {};
try {
  if (parts.has('upload')) {
    figures.upload = await runUploadBench();
    printUploadFigures(figures.upload);
  }
  if (parts.has('browse')) {
    figures.browse = await runBrowseBench();
    printBrowseFigures(figures.browse);
  }
  if (parts.has('extraction')) {
    figures.extraction = await benchExtraction();
    console.log(extractionTable(figures.extraction));
  }
  if (parts.has('jobs')) {
    figures.jobs = await benchJobLatency();
    printJobLatency(figures.jobs);
  }
} finally {
  unpin();
}
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures, null, 2));
process.exit(0);
