import type { Address, Hex } from 'viem';
import { abiAddress, abiUint, joinHex } from '../bytes/abi.js';
import { isAddress } from '../crypto/address.js';
import { keccak256 } from '../crypto/keccak.js';
import { MalformedInputError } from './errors.js';
import type { ProvenValue, ProveParameters } from './provenValue.js';
import { isFailure, proveAccount, proveHead, rpcAnswer, type Failure, type ProvenHead } from './provingSteps.js';

/** A token as the chain registry lists it; without `balancesSlot` its balances cannot be proven. */
export type TokenRef = { address: Address; balancesSlot?: number | bigint };

export type ProveTokenBalanceParameters = ProveParameters & { holder: Address; token: TokenRef };
export type ProveTokenBalancesParameters = ProveParameters & {
  holder: Address;
  tokens: readonly TokenRef[];
  /** Also prove the holder's native balance (one more eth_getProof). */
  native?: boolean;
};
export type ProveTokenBalancesReturnType = { native?: ProvenValue<bigint>; tokens: ProvenValue<bigint>[] };

/** The token's `balances` mapping does not have a known slot, so the balance cannot be proven. */
export class UnknownBalancesSlotError extends Error {
  override name = 'UnknownBalancesSlotError';
  constructor(readonly token: Address) {
    super(`The balances slot of token ${token} is not known.`);
  }
}

/** Selector of balanceOf(address): the first 4 bytes of its keccak (checked in the test). */
export const BALANCE_OF_SELECTOR = '70a08231';

/** Storage key of `balances[holder]` for a Solidity mapping at `balancesSlot`: keccak(abi.encode(holder, slot)). */
export function erc20BalanceSlot(holder: Address, balancesSlot: number | bigint): Hex {
  return keccak256(joinHex(abiAddress(holder), abiUint(balancesSlot)));
}

/**
 * ERC-20 balances of one holder at the checkpointed head: the head and header are checked once,
 * then ONE eth_getProof per token contract (plus one for the native balance when asked), each value
 * compared with eth_call balanceOf at the same block. Results are in `tokens` order.
 */
export async function proveTokenBalances(params: ProveTokenBalancesParameters): Promise<ProveTokenBalancesReturnType> {
  const { request, holder, tokens } = params;
  const badToken = tokens.find((t) => !isAddress(t?.address));
  if (!isAddress(holder) || badToken) {
    const error = new MalformedInputError(badToken ? `Token ${String(badToken?.address)} is not an address.` : `${String(holder)} is not an address.`);
    const invalid: ProvenValue<bigint> = { status: 'invalid', failedStep: 'storage', error };
    return { ...(params.native ? { native: { ...invalid, failedStep: 'account' } } : {}), tokens: tokens.map(() => invalid) };
  }
  const head = await proveHead(params);
  if (isFailure(head)) return { ...(params.native ? { native: head } : {}), tokens: tokens.map(() => head) };

  const nativeValue = params.native
    ? proveAccount(request, head, holder, [], true, [rpcAnswer(request, 'eth_getBalance', [holder, head.blockTag])]).then((r) => r[0]!)
    : undefined;
  const tokenValues = tokens.map((token) => proveOneToken(params, head, token));
  const [native, ...values] = await Promise.all([nativeValue, ...tokenValues]);
  return { ...(native ? { native } : {}), tokens: values as ProvenValue<bigint>[] };
}

async function proveOneToken(params: ProveTokenBalancesParameters, head: ProvenHead, token: TokenRef): Promise<ProvenValue<bigint> | Failure> {
  const { request, holder } = params;
  if (token.balancesSlot === undefined || token.balancesSlot === null) {
    return { status: 'unverifiable', failedStep: 'storage', error: new UnknownBalancesSlotError(token.address), blockNumber: head.blockNumber, epoch: head.epoch };
  }
  const slot = erc20BalanceSlot(holder, token.balancesSlot);
  const data = joinHex(BALANCE_OF_SELECTOR, abiAddress(holder));
  const plain = [rpcAnswer(request, 'eth_call', [{ to: token.address, data }, head.blockTag], 'eth_call balanceOf')];
  const [value] = await proveAccount(request, head, token.address, [slot], false, plain);
  return value!;
}

/** One ERC-20 balance at the checkpointed head, proven (spec A6) and compared with eth_call balanceOf. */
export async function proveTokenBalance(params: ProveTokenBalanceParameters): Promise<ProvenValue<bigint>> {
  const { token, ...rest } = params;
  const { tokens } = await proveTokenBalances({ ...rest, tokens: [token] });
  return tokens[0]!;
}
