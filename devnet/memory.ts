import { readFileSync } from 'node:fs';

export type DevnetMemory = {
  /** Resident memory of each anvil by pid, in bytes (null where /proc cannot tell). */
  anvils: Record<number, number | null>;
  anvilTotalBytes: number;
  /** This Node process (API, dApp servers, Metalayer loops run here). */
  nodeRssBytes: number;
};

/** VmRSS of a process from /proc (Linux); null elsewhere or when it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function measureDevnetMemory(pids: readonly number[]): DevnetMemory {
  const anvils = Object.fromEntries(pids.map((pid) => [pid, residentBytes(pid)]));
  const anvilTotalBytes = Object.values(anvils).reduce<number>((sum, b) => sum + (b ?? 0), 0);
  return { anvils, anvilTotalBytes, nodeRssBytes: process.memoryUsage().rss };
}
