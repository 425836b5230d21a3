import type { Address, Hex } from 'viem';
import type { Checkpoint, SignedCheckpoint } from '../../../src/core/metalayer/index.js';
import { writeAndWait, type ChainClient } from '../chainClient.js';
import { compiledContract } from './compile.js';

/** One guardian's two conflicting ECDSA-signed checkpoints: what GuardianStaking.reportEquivocation takes. */
export type EquivocationReport = { guardian: Address; a: Checkpoint; sigA: Hex; b: Checkpoint; sigB: Hex };

export class EquivocationReportError extends Error {
  override name = 'EquivocationReportError';
  constructor(message: string, readonly details: { guardianIndex?: number }) {
    super(message);
  }
}

/** Evidence against guardian `index` (its ECDSA address `guardian`) from two signed checkpoints that both carry its ECDSA signature. */
export function equivocationReport(a: SignedCheckpoint, b: SignedCheckpoint, index: number, guardian: Address): EquivocationReport {
  const sigA = a.ecdsaSignatures?.find((s) => s.index === index)?.signature;
  const sigB = b.ecdsaSignatures?.find((s) => s.index === index)?.signature;
  if (!sigA || !sigB) throw new EquivocationReportError('Guardian did not ECDSA-sign both checkpoints', { guardianIndex: index });
  return { guardian, a: a.checkpoint, sigA, b: b.checkpoint, sigB };
}

/** Submits the evidence on L1; the contract recomputes both signing roots and slashes. */
export async function reportEquivocation(client: ChainClient, staking: Address, r: EquivocationReport): Promise<Hex> {
  return writeAndWait(client, {
    address: staking,
    abi: compiledContract('GuardianStaking').abi,
    functionName: 'reportEquivocation',
    args: [r.guardian, r.a, r.sigA, r.b, r.sigB],
  });
}
