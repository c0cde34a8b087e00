#!/usr/bin/env node
// The house's module graph, from dependency-cruiser: an API module is a folder of apps/api/src, a web
// module a feature or another folder of apps/web/src; libs/domain is one node.
//   node scripts/module-graph.mjs            figures: modules, edges, cycles between modules
//   node scripts/module-graph.mjs --check    the same, and exit 1 when modules form a cycle (lint)
//   node scripts/module-graph.mjs --write    also rewrite the graph in docs/architecture.md
// Run-time imports only: `import type` creates no load-order cycle, so it is left out here (the file
// level rules in .dependency-cruiser.cjs see everything).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const ROOTS = ['apps/api/src', 'apps/web/src', 'libs/domain/src'];
const DOC = 'docs/architecture.md';
const BEGIN = '<!-- module-graph:begin (npm run graph) -->';
const END = '<!-- module-graph:end -->';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const result = await cruise(ROOTS, {
  ...config.options,
  validate: false,
  exclude: { path: ['(^|/)dist/', '[.]d[.]ts$', '[.]spec[.]tsx?$', '(^|/)test/'] },
  doNotFollow: { path: 'node_modules' },
});

/** The module a file belongs to, or null for files outside the three roots (packages, node core). */
function moduleOf(file) {
  if (file.startsWith('libs/domain/')) return 'domain';
  for (const [prefix, label] of [
    ['apps/web/src/features/', 'web/features/'],
    ['apps/web/src/', 'web/'],
    ['apps/api/src/', 'api/'],
  ]) {
    if (!file.startsWith(prefix)) continue;
    const [first, second] = file.slice(prefix.length).split('/');
    if (second === undefined) return `${label.slice(0, -1)}(root)`;
    return label + first;
  }
  return null;
}

const edges = new Map(); // module → Set(module)
for (const mod of result.output.modules) {
  const from = moduleOf(mod.source);
  if (!from) continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const dep of mod.dependencies) {
    if (dep.dependencyTypes.includes('type-only')) continue;
    const to = moduleOf(dep.resolved);
    if (to && to !== from) edges.get(from).add(to);
  }
}

const cycles = stronglyConnected(edges).filter((c) => c.length > 1);
const edgeCount = [...edges.values()].reduce((n, s) => n + s.size, 0);
console.log(`${edges.size} modules, ${edgeCount} edges between them, ${cycles.length} cycles`);
for (const c of cycles) console.log(`cycle: ${c.join(' ↔ ')}`);

if (process.argv.includes('--write')) writeGraph();
if (process.argv.includes('--check') && cycles.length > 0) process.exit(1);

function writeGraph() {
  // The shared kernel and infrastructure serve nearly everyone: drawn, they would hide the rest.
  const kernel = ['common', 'config', 'logging', 'http', 'database'];
  const shown = (m) => m.startsWith('api/') && !kernel.includes(m.slice(4));
  const lines = ['```mermaid', 'flowchart LR'];
  const id = (m) => m.replace(/[^a-z0-9]/gi, '_');
  for (const m of [...edges.keys()].filter(shown).sort()) {
    for (const t of [...edges.get(m)].sort())
      if (shown(t)) lines.push(`  ${id(m)}[${m.slice(4)}] --> ${id(t)}[${t.slice(4)}]`);
  }
  const notDrawn = kernel.map((k) => `\`${k}/\``).join(', ');
  lines.push('```', '', `Not drawn: imports of ${notDrawn}, which any module may use.`);
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${DOC} lacks the ${BEGIN} … ${END} markers`);
  writeFileSync(
    DOC,
    `${text.slice(0, start + BEGIN.length)}\n${lines.join('\n')}\n${text.slice(end)}`,
  );
  console.log(`wrote the API module graph into ${DOC}`);
}

/** Tarjan's strongly connected components, each sorted. */
function stronglyConnected(graph) {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    onStack = new Set(),
    stack = [],
    out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
