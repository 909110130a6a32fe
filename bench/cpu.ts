/*
 * CPU time of a process tree from Linux /proc, shared by the benches that
 * report CPU per request (bench/run.ts, bench/realtime.ts).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds a process and its descendants have used so far, or null
 * without /proc. Live descendants are walked (the workers of a cluster, the
 * backends of a PostgreSQL postmaster); children that have exited and been
 * waited for count through the parent's cutime and cstime, so a backend
 * that ends during a measurement keeps its share of the difference.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which is in parentheses): utime, stime, cutime and cstime are the 12th to 15th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    let seconds = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const child of children ? children.split(" ") : []) seconds += cpuSeconds(Number(child)) ?? 0;
    return seconds;
  } catch {
    return null;
  }
}
