import type { ProofStatus } from '../design/ProofBadge';

/** The slice of a portfolio row (PortfolioTotalsJson) these summaries read. */
export type ProvenRow = { chainId: number; counted: boolean; usd?: string; proof: { status: ProofStatus } };

const WORST_FIRST = ['mismatch', 'invalid', 'pending', 'unverifiable'] as const;

/** The one status a group of rows shows: an alarm wins, then pending, unverifiable; verified only when all are. */
export function groupStatus(rows: readonly ProvenRow[]): ProofStatus {
  const seen = new Set(rows.map((r) => r.proof.status));
  for (const st of WORST_FIRST) if (seen.has(st)) return st;
  return rows.length ? 'verified' : 'pending';
}

/** "3 of 4 verified" when only some rows can be proven (a ZK rollup's state is not MPT-provable); undefined otherwise. */
export function partialLabel(rows: readonly ProvenRow[]): string | undefined {
  const verified = rows.filter((r) => r.proof.status === 'verified').length;
  return groupStatus(rows) === 'unverifiable' && verified > 0 ? `${verified} of ${rows.length} verified` : undefined;
}

/** USD (8 decimals) of the counted rows whose proof verified. */
export function verifiedUsd(rows: readonly ProvenRow[]): bigint {
  return rows.reduce((sum, r) => (r.counted && r.proof.status === 'verified' && r.usd !== undefined ? sum + BigInt(r.usd) : sum), 0n);
}

/** Alarm rows per chain, in first-seen order (a lying RPC usually lies about every balance it serves). */
export function alarmsByChain<R extends { chainId: number }>(alarms: readonly R[]): Map<number, R[]> {
  const out = new Map<number, R[]>();
  for (const row of alarms) out.set(row.chainId, [...(out.get(row.chainId) ?? []), row]);
  return out;
}
