/**
 * Moves the local PostgreSQL and Redis processes onto the server's core for a benchmark run, and
 * back afterwards. The system under test is the server *with* the services it needs; left
 * unpinned, they also run on the generator's core, preempting the generator, whose stalls then
 * show up as the server's latency. Needs permission to change those processes' affinity (root, or
 * their owner); without it the run goes on unpinned and says so.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const SERVICES = ['postgres', 'redis-server'];

function servicePids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (SERVICES.some((s) => comm.startsWith(s))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function affinityOf(pid) {
  const r = spawnSync('taskset', ['-p', '-c', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(': ').pop() : null;
}

function setAffinity(pid, cores) {
  // -a: every thread; new PostgreSQL backends inherit the postmaster's affinity.
  return (
    spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { encoding: 'utf8' }).status === 0
  );
}

/** Pins the services to `core`; answers a function that restores what was there before. */
export function pinServices(core, log = console.error) {
  const before = new Map();
  let refused = 0;
  for (const pid of servicePids()) {
    const affinity = affinityOf(pid);
    if (affinity === null) continue;
    if (setAffinity(pid, core)) before.set(pid, affinity);
    else refused++;
  }
  if (refused)
    log(
      `could not pin ${refused} PostgreSQL/Redis processes to core ${core} (permissions?): they run unpinned`,
    );
  else if (before.size)
    log(`PostgreSQL and Redis pinned to core ${core} for the run (${before.size} processes)`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const [pid, affinity] of before) setAffinity(pid, affinity);
    // Backends started during the run inherited the pinned affinity: give them the services' usual one.
    const usual = [...before.values()].sort((a, b) => b.length - a.length)[0];
    if (usual) for (const pid of servicePids()) if (!before.has(pid)) setAffinity(pid, usual);
  };
}
