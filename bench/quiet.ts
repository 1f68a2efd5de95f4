// Quiet gating for benchmarks on a shared machine: how many cores *other* processes used while we measured, so a
// measurement taken under someone else's load can be dropped instead of reported.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Other processes may use at most this many cores during a kept measurement. */
export const QUIET_LOAD = 0.2;
const QUIET_WAIT_MS = 30_000;
/** Linux reports process CPU time in clock ticks of 10 ms (USER_HZ = 100). */
const MS_PER_TICK = 10;

/**
 * CPU milliseconds of this process and every process it started (the studio server, Chromium and its renderers),
 * read from /proc; this process alone where /proc is missing.
 */
function ownTreeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  const self = (user + system) / 1000;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return self;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces), closing with ')': state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while we read
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let children = 0;
  for (const [pid, t] of ticks) if (isDescendant(pid)) children += t * MS_PER_TICK;
  return self + children;
}

function machineCpuMs(): number {
  return cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** Runs `work` and reports how many cores processes outside this process tree used meanwhile. */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; otherLoad: number }> {
  const before = { machine: machineCpuMs(), own: ownTreeCpuMs() };
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const otherLoad = (machineCpuMs() - before.machine - (ownTreeCpuMs() - before.own)) / ms;
  return { value, ms, otherLoad: Math.max(0, otherLoad) };
}

/** Waits (up to 30 s) until other processes use fewer than QUIET_LOAD cores. */
export async function waitForQuiet(): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (Date.now() < deadline) {
    const { otherLoad } = await measured(() => new Promise((resolve) => setTimeout(resolve, 500)));
    if (otherLoad < QUIET_LOAD) return;
  }
}

export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
