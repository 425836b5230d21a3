import type { Address } from 'viem';
import type { BalanceProof, ProofBook } from './aggregate';
import { priceKey } from './prices';

/** The shape of the verifier's proveTokenBalances result (ProvenValue<bigint> per token, in order). */
export interface ProvenBalances {
  native?: BalanceProof;
  tokens: readonly BalanceProof[];
}

/** Files one chain's proven balances under the keys aggregateBalances looks up; adds to `book` if given. */
export function proofBookFrom(
  chainId: number,
  tokens: readonly { address: Address }[],
  proven: ProvenBalances,
  book: ProofBook = new Map(),
): ProofBook {
  if (proven.tokens.length !== tokens.length) throw new RangeError('proven balances do not match the token list');
  if (proven.native) book.set(priceKey(chainId, 'native'), proven.native);
  tokens.forEach((t, i) => book.set(priceKey(chainId, t.address), proven.tokens[i]!));
  return book;
}
