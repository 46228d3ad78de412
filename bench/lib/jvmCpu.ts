/**
 * CPU time of a local JVM (the embedded Neo4j), in all and in its JIT compiler threads, read from Linux's
 * /proc. The ingest benchmark uses it to tell when Neo4j's JIT has settled: while HotSpot is still compiling
 * the code paths a workload uses, its compiler threads take a large share of the JVM's CPU (on two cores, time
 * the statements do not get), and that share is a direct reading of "still warming up", where the time a pass
 * takes is a noisy one.
 */
import * as fs from 'fs';

export interface JvmCpu {
  /** every thread of the process, those that have exited included (Linux counts them in the process's own stat) */
  totalMs: number;
  /** the live threads named "C1 CompilerThre…" / "C2 CompilerThre…" (HotSpot's JIT compilers) */
  compilerMs: number;
}

/** USER_HZ: /proc counts CPU time in ticks of 1/100 s on every Linux architecture Node runs on. */
const MS_PER_TICK = 10;

/** utime + stime of a /proc stat line (fields 14 and 15; the command name in parentheses may hold spaces). */
function cpuMsOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** The JVM's CPU so far, or undefined where /proc cannot tell (not Linux, the process gone). */
export function readJvmCpu(pid: number): JvmCpu | undefined {
  try {
    const totalMs = cpuMsOf(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    let compilerMs = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread exited meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // HotSpot may stop an idle compiler thread beyond the first of each kind; its time is then not counted
      // here, so the share is, if anything, read low
      if (/^C[12] CompilerThre/.test(name)) compilerMs += cpuMsOf(stat);
    }
    return { totalMs, compilerMs };
  } catch {
    return undefined;
  }
}

/** The CPU used between two readings (undefined when either is missing). */
export function cpuBetween(before: JvmCpu | undefined, after: JvmCpu | undefined): JvmCpu | undefined {
  if (!before || !after) return undefined;
  return { totalMs: after.totalMs - before.totalMs, compilerMs: Math.max(0, after.compilerMs - before.compilerMs) };
}

/** The compiler threads' share of that CPU (undefined when there is none, or no CPU was used). */
export function compileShare(used: JvmCpu | undefined): number | undefined {
  return used && used.totalMs > 0 ? used.compilerMs / used.totalMs : undefined;
}
