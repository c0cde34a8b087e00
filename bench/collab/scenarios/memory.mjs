/**
 * Scenario 4: server memory. RSS (VmRSS) before and after 1,000 idle authorised connections
 * (10 plans × 100 viewers, each synced), then 5 cycles of connecting and disconnecting 1,000:
 * RSS after the disconnects of cycle 1 and of cycle 5. No GC can be forced from outside; these are
 * the numbers as the process has them.
 */
import { Conn, closeAll, openAll, until } from '../lib/clients.mjs';
import { inspectorSession } from '../lib/inspector.mjs';
import { freePort } from '../lib/servers.mjs';
import { prepare } from '../lib/setup.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runMemory(ctx, kind) {
  const PLANS = 10;
  const PER = 100;
  const CYCLES = 5;
  const inspectPort = await freePort();
  const env = await prepare(
    ctx,
    kind,
    's4',
    { plans: PLANS, editorsPerPlan: 1, viewers: PLANS * PER },
    { nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`] },
  );
  let inspector;
  try {
    inspector = await inspectorSession(inspectPort);
    // After a forced full GC (through the inspector): live heap, to tell growth from garbage.
    // Each reading: RSS as it is, then a forced full GC, then RSS and live heap.
    const reading = async () => {
      const raw = server.rssKB();
      await inspector.gc();
      const heap = (await inspector.memory()).heapUsed / 1024;
      return { raw, rss: server.rssKB(), heap };
    };
    const { server, data } = env;
    // One open connection per plan keeps the documents loaded through the cycles, and warms up.
    const keep = data.plans.map((p) => new Conn(null, server.docUrl(p.docName, p.editors[0])));
    await openAll(keep, 10);
    const warm = data.viewers
      .slice(0, 100)
      .map((tok, i) => new Conn(null, server.docUrl(data.plans[i % PLANS].docName, tok)));
    await openAll(warm, 50);
    await closeAll(warm);
    await sleep(1_500);
    const before = await reading();
    const cycles = [];
    for (let c = 0; c < CYCLES; c++) {
      const conns = data.viewers.map(
        (tok, i) => new Conn(null, server.docUrl(data.plans[i % PLANS].docName, tok)),
      );
      const t0 = performance.now();
      await openAll(conns, 50);
      const openMs = performance.now() - t0;
      await sleep(1_000);
      const connected = await reading();
      await closeAll(conns);
      await until(() => conns.every((x) => x.closed), 5_000);
      await sleep(1_000);
      cycles.push({ connected, disconnected: await reading(), openMs });
    }
    await closeAll(keep);
    const n = PLANS * PER;
    return {
      kind,
      before,
      cycles,
      perConnKB: (cycles[0].connected.rss - before.rss) / n,
      perConnHeapKB: (cycles[0].connected.heap - before.heap) / n,
      perConnRawKB: (cycles[0].connected.raw - before.raw) / n,
    };
  } finally {
    inspector?.close();
    await env.teardown();
  }
}

export async function scenario4(ctx) {
  const stock = await runMemory(ctx, 'stock');
  const ours = await runMemory(ctx, 'ours');
  const mb = (kb) => (kb / 1024).toFixed(1);
  for (const r of [stock, ours]) {
    ctx.log(
      `  [4] ${r.kind}: before: RSS ${mb(r.before.rss)} MB (${mb(r.before.raw)} before GC), heap ${mb(r.before.heap)} MB; ` +
        r.cycles
          .map(
            (c, i) =>
              `cycle ${i + 1}: connected RSS ${mb(c.connected.rss)} (${mb(c.connected.raw)}) heap ${mb(c.connected.heap)}, disconnected RSS ${mb(c.disconnected.rss)} (${mb(c.disconnected.raw)}) heap ${mb(c.disconnected.heap)}, open ${c.openMs.toFixed(0)} ms`,
          )
          .join('; '),
    );
  }
  const t = ctx.table;
  const growth = (r) => (r.cycles.at(-1).disconnected.rss - r.cycles[0].disconnected.rss) / 1024;
  const heapGrowth = (r) =>
    (r.cycles.at(-1).disconnected.heap - r.cycles[0].disconnected.heap) / 1024;
  t.add({
    scenario: 4,
    metric: 'RSS, no client connection, after GC (MB)',
    ours: ours.before.rss / 1024,
    stock: stock.before.rss / 1024,
    digits: 1,
  });
  t.add({
    scenario: 4,
    metric: 'RSS per idle authorised connection, after GC (KB)',
    ours: ours.perConnKB,
    stock: stock.perConnKB,
    digits: 1,
    target: '≤ 25',
    pass: ours.perConnKB <= 25,
  });
  t.add({
    scenario: 4,
    metric: '  of which live JS heap (KB)',
    ours: ours.perConnHeapKB,
    stock: stock.perConnHeapKB,
    digits: 1,
  });
  t.add({
    scenario: 4,
    metric: 'time to open 1,000 connections, cycle 1 (ms)',
    ours: ours.cycles[0].openMs,
    stock: stock.cycles[0].openMs,
    digits: 0,
  });
  t.add({
    scenario: 4,
    metric: 'RSS after disconnects, cycle 1 / 5, after GC (MB)',
    ours: `${mb(ours.cycles[0].disconnected.rss)} / ${mb(ours.cycles.at(-1).disconnected.rss)}`,
    stock: `${mb(stock.cycles[0].disconnected.rss)} / ${mb(stock.cycles.at(-1).disconnected.rss)}`,
  });
  t.add({
    scenario: 4,
    metric: 'RSS growth cycle 1 → 5, after GC (MB)',
    ours: growth(ours),
    stock: growth(stock),
    digits: 2,
    target: '≈ 0 (≤ 2 MB)',
    pass: growth(ours) <= 2,
  });
  t.add({
    scenario: 4,
    metric: 'live heap growth cycle 1 → 5, after GC (MB)',
    ours: heapGrowth(ours),
    stock: heapGrowth(stock),
    digits: 2,
    target: '≈ 0 (≤ 1 MB)',
    pass: heapGrowth(ours) <= 1,
  });
}
