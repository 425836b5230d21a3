import type { Address, Hex } from 'viem';
import { reportEquivocationArgs, type EquivocationReport } from '../../../src/core/verifier/equivocation.js';
import { writeAndWait, type ChainClient } from '../chainClient.js';
import { compiledContract } from './compile.js';

export type { EquivocationReport };

/** Submits one guardian's equivocation evidence (from the verifier's detectEquivocation) on L1; the contract recomputes both signing roots and slashes. */
export async function reportEquivocation(client: ChainClient, staking: Address, report: EquivocationReport): Promise<Hex> {
  return writeAndWait(client, {
    address: staking,
    abi: compiledContract('GuardianStaking').abi,
    functionName: 'reportEquivocation',
    args: reportEquivocationArgs(report),
  });
}
