/** Process accounting from /proc: CPU ticks (utime+stime) and resident memory. */
import { readFileSync, readdirSync } from 'node:fs';

const CLK_TCK = 100; // getconf CLK_TCK on Linux x86-64

/**
 * CPU seconds used so far by one process (all its threads), in user space and in the kernel (for a
 * server, mostly its sockets, loopback TCP included).
 */
export function cpuTimes(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" of comm: state is field 3; utime 14, stime 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(rest[11]) / CLK_TCK, system: Number(rest[12]) / CLK_TCK };
}

/** CPU seconds (user + system) used so far by one process. */
export function cpuSeconds(pid) {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** Resident set size in KB (VmRSS). */
export function rssKB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) : NaN;
}

/** CPU seconds used by every running `postgres` process (the database's share of a run). */
export function postgresCpuSeconds() {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm !== 'postgres') continue;
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** The generator's own CPU share over a phase: call start(), later stop() → fraction of one core. */
export function cpuMeter() {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const c = process.cpuUsage(c0);
      const wall = (performance.now() - t0) / 1000;
      return { cpu: (c.user + c.system) / 1e6, wall, share: (c.user + c.system) / 1e6 / wall };
    },
  };
}

/** Busy CPU seconds of the whole machine (all cores) so far, from /proc/stat. */
export function machineBusySeconds() {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // user nice system idle iowait irq softirq steal
  const [user, nice, system, , , irq, softirq, steal] = line;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / CLK_TCK;
}

/**
 * CPU used by everything else on the machine during a phase (other people's builds and tests):
 * machine busy time minus the server, PostgreSQL and the generator.
 */
export function foreignMeter(serverPid) {
  const m0 = machineBusySeconds();
  const s0 = serverPid ? cpuSeconds(serverPid) : 0;
  const p0 = postgresCpuSeconds();
  const g0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const wall = (performance.now() - t0) / 1000;
      const g = process.cpuUsage(g0);
      const other =
        machineBusySeconds() -
        m0 -
        (serverPid ? cpuSeconds(serverPid) - s0 : 0) -
        (postgresCpuSeconds() - p0) -
        (g.user + g.system) / 1e6;
      return { seconds: Math.max(0, other), share: Math.max(0, other) / wall };
    },
  };
}

/** CPU seconds of the PostgreSQL backends serving the database `client` is connected to. */
export async function backendCpu(client) {
  const { rows } = await client.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const out = new Map();
  for (const { pid } of rows) {
    try {
      out.set(pid, cpuSeconds(pid));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** CPU used between two backendCpu() readings (backends that started in between count whole). */
export function backendCpuDelta(before, after) {
  let s = 0;
  for (const [pid, v] of after) s += v - (before.get(pid) ?? 0);
  return s;
}

/**
 * Waits (at most maxMs) for a moment when the rest of the machine is quiet: other processes using
 * less than `threshold` of a core over `windowMs`. Returns the last share seen.
 */
export async function waitForQuiet({ threshold = 0.3, maxMs = 20_000, windowMs = 700 } = {}) {
  const end = performance.now() + maxMs;
  let share = NaN;
  do {
    const m0 = machineBusySeconds();
    const g0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, windowMs));
    const g = process.cpuUsage(g0);
    share =
      (machineBusySeconds() - m0 - (g.user + g.system) / 1e6) / ((performance.now() - t0) / 1000);
    if (share < threshold) return share;
  } while (performance.now() < end);
  return share;
}

/** CPU seconds per thread name of a process (main thread "node", "V8 DefaultWorke", "libuv-worker"…). */
export function threadCpu(pid) {
  const out = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      let name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (Number(tid) === pid) name = 'main';
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[name] = (out[name] ?? 0) + (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
    } catch {
      // thread ended
    }
  }
  return out;
}

export function threadCpuDelta(before, after) {
  const out = {};
  for (const [k, v] of Object.entries(after)) out[k] = v - (before[k] ?? 0);
  return out;
}
