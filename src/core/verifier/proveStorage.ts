import type { Address, Hex } from 'viem';
import { isHexBytes } from '../bytes/hex.js';
import { isAddress } from '../crypto/address.js';
import { MalformedInputError } from './errors.js';
import type { ProvenValue, ProveParameters } from './provenValue.js';
import { isFailure, proveAccount, proveHead, rpcAnswer } from './provingSteps.js';

export type ProveStorageSlotsParameters = ProveParameters & { address: Address; slots: readonly Hex[] };
export type ProveStorageParameters = ProveParameters & { address: Address; slot: Hex };

/**
 * Storage slots (full 32-byte keys) of one contract at the checkpointed head, all from one
 * eth_getProof, each compared with eth_getStorageAt; results are in `slots` order.
 */
export async function proveStorageSlots(params: ProveStorageSlotsParameters): Promise<ProvenValue<bigint>[]> {
  const { request, address, slots } = params;
  const bad = !isAddress(address)
    ? `${String(address)} is not an address.`
    : slots.find((s) => !isHexBytes(s, 32)) !== undefined
      ? 'Every slot must be a full 32-byte hex key.'
      : undefined;
  if (bad) return slots.map(() => ({ status: 'invalid', failedStep: 'storage', error: new MalformedInputError(bad) }));
  const head = await proveHead(params);
  if (isFailure(head)) return slots.map(() => head);
  const plain = slots.map((slot) => rpcAnswer(request, 'eth_getStorageAt', [address, slot, head.blockTag]));
  return proveAccount(request, head, address, slots, false, plain);
}

/** One storage slot of a contract at the checkpointed head, proven (spec A6) and compared with eth_getStorageAt. */
export async function proveStorage(params: ProveStorageParameters): Promise<ProvenValue<bigint>> {
  const { slot, ...rest } = params;
  const [value] = await proveStorageSlots({ ...rest, slots: [slot] });
  return value!;
}
