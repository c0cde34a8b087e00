#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (from `npm run bench:collab -- --profile`, which runs our server with
 * --cpu-prof): self time by function and by package/file, and inclusive time of chosen frames.
 *   node bench/collab/analyze-profile.mjs <file.cpuprofile> [--top=40]
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number((process.argv.find((a) => a.startsWith('--top=')) ?? '--top=40').slice(6));
const windowArg = process.argv.find((a) => a.startsWith('--window='));
const prof = JSON.parse(readFileSync(file, 'utf8'));
// --timeline: busy share per second; --window=a,b: only samples between a and b seconds
{
  let t = 0;
  const times = prof.timeDeltas.map((d) => (t += d) / 1e6);
  const idleIds = new Set(
    prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  );
  if (process.argv.includes('--timeline')) {
    const busy = new Map();
    const all = new Map();
    prof.samples.forEach((id, i) => {
      const s = Math.floor(times[i]);
      all.set(s, (all.get(s) ?? 0) + (prof.timeDeltas[i] ?? 0));
      if (!idleIds.has(id)) busy.set(s, (busy.get(s) ?? 0) + (prof.timeDeltas[i] ?? 0));
    });
    console.log('second: busy %');
    console.log(
      [...all.keys()]
        .map((s) => `${s}:${Math.round(((busy.get(s) ?? 0) / all.get(s)) * 100)}`)
        .join(' '),
    );
  }
  if (windowArg) {
    const [a, b] = windowArg.slice(9).split(',').map(Number);
    const keep = times.map((x) => x >= a && x < b);
    prof.samples = prof.samples.filter((_, i) => keep[i]);
    prof.timeDeltas = prof.timeDeltas.filter((_, i) => keep[i]);
  }
}
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = prof.timeDeltas;
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (cf) => {
  const url = cf.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/(apps|bench)\//, '$1/');
  return `${cf.functionName || '(anonymous)'} ${url}:${cf.lineNumber + 1}`;
};
const pkg = (cf) => {
  const u = cf.url;
  if (!u) return cf.functionName.startsWith('(') ? cf.functionName : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.startsWith('node:'))
    return (
      u.split('/')[0].replace(/^node:/, 'node:') + (u.includes('/') ? '/' + u.split('/')[1] : '')
    );
  const a = /\/(apps\/api\/|out\/api-dist\/)(.*)$/.exec(u);
  return a ? `api:${a[2].split('/')[0]}` : u;
};

const fnSelf = new Map();
const pkgSelf = new Map();
for (const [id, t] of self) {
  const cf = byId.get(id).callFrame;
  fnSelf.set(where(cf), (fnSelf.get(where(cf)) ?? 0) + t);
  pkgSelf.set(pkg(cf), (pkgSelf.get(pkg(cf)) ?? 0) + t);
}
// inclusive time per function name (a frame counted once per sample even if recursive)
const incl = new Map();
prof.samples.forEach((id, i) => {
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const k = where(byId.get(n).callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0));
  }
});
const idle = [...self]
  .filter(([id]) => byId.get(id).callFrame.functionName === '(idle)')
  .reduce((s, [, t]) => s + t, 0);
const busy = total - idle;
const pct = (t) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${file}\nsampled ${(total / 1e6).toFixed(2)} s, busy ${(busy / 1e6).toFixed(2)} s (percentages are of busy time)\n`,
);
console.log('self time by package / area');
for (const [k, t] of [...pkgSelf]
  .filter(([k]) => k !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20))
  console.log(`  ${pct(t)}  ${k}`);
console.log('\nself time by function');
for (const [k, t] of [...fnSelf]
  .filter(([k]) => !k.startsWith('(idle)'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${pct(t)}  ${k}`);
console.log('\ninclusive time, our code and the libraries it calls');
for (const [k, t] of [...incl]
  .filter(([k]) => /api-dist|apps\/api|nm:(yjs|pg|typeorm|ws|y-protocols|lib0)/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${pct(t)}  ${k}`);

// --callers=<substring>: busy time under frames matching it, by the nearest frame of our own code
const callersArg = process.argv.find((a) => a.startsWith('--callers='));
if (callersArg) {
  const pat = callersArg.slice(10);
  const by = new Map();
  let totalUnder = 0;
  prof.samples.forEach((id, i) => {
    const stack = [];
    for (let n = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n).callFrame);
    const at = stack.findIndex((cf) => where(cf).includes(pat));
    if (at < 0) return;
    totalUnder += dt[i] ?? 0;
    const ours = stack.slice(at + 1).find((cf) => /api-dist|apps\/api/.test(cf.url));
    const k = ours ? where(ours) : '(no frame of ours)';
    by.set(k, (by.get(k) ?? 0) + (dt[i] ?? 0));
  });
  console.log(`\nbusy time under "${pat}": ${pct(totalUnder)}, by nearest caller of ours`);
  for (const [k, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${pct(t)}  ${k}`);
}

// --stacks=<substring>: the commonest call stacks (innermost first) through frames matching it
const stacksArg = process.argv.find((a) => a.startsWith('--stacks='));
if (stacksArg) {
  const pat = stacksArg.slice(9);
  const by = new Map();
  prof.samples.forEach((id, i) => {
    const stack = [];
    for (let n = id; n !== undefined; n = parent.get(n))
      stack.push(where(byId.get(n).callFrame).replace(/ (nm:|bench\/collab\/out\/[^/]+\/)/, ' '));
    const at = stack.findIndex((f) => f.includes(pat));
    if (at < 0) return;
    const k = stack.slice(at, at + 14).join('\n      ← ');
    by.set(k, (by.get(k) ?? 0) + (dt[i] ?? 0));
  });
  console.log(`\nstacks through "${pat}"`);
  for (const [k, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 5))
    console.log(`  ${pct(t)}  ${k}\n`);
}
