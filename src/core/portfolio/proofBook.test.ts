// End to end with the real verification core: a lying RPC inflates one token's balance; the verifier proves
// the truth from eth_getProof against a checkpointed state root; the portfolio flags the row and drops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFunctionData, decodeFunctionResult, encodeFunctionResult, parseEther, type Address, type Hex } from 'viem';
import { buildAggregateTree, guardianSetHash, signCheckpoint, type Checkpoint, type RollupHead } from '../metalayer/index';
import { makeGuardianSet } from '../verifier/guardians.fixture';
import {
  GuardianSetRegistry,
  proveTokenBalances,
  verifyHeader,
  verifySignedCheckpoint,
  type CheckpointContext,
  type RpcBlockHeader,
} from '../verifier/index';
import type { ChainEntry } from '../chains/types';
import { aggregateBalances } from './aggregate';
import { multicall3Abi } from './multicall3';
import { proofBookFrom } from './proofBook';
import { readBalances } from './readBalances';
import { httpRpc, type ChainRpc } from './rpc';
import { deployToken, MULTICALL3, placeMulticall3, startAnvil, type AnvilChain } from './testing/anvilChain';
import type { PortfolioToken } from './types';

const holder: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
let anvil: AnvilChain;
let tokens: PortfolioToken[];
let context: CheckpointContext;
const LIE = parseEther('1000000');

/** An RPC that inflates `victim`'s balanceOf everywhere: direct eth_call and inside Multicall3.aggregate3. */
function lyingRpc(inner: ChainRpc, victim: Address): ChainRpc {
  const lie = `0x${LIE.toString(16).padStart(64, '0')}` as Hex;
  const rewrite = (call: { method: string; params?: readonly unknown[] }, result: unknown): unknown => {
    if (call.method !== 'eth_call') return result;
    const tx = call.params?.[0] as { to: Address; data: Hex };
    if (tx.to.toLowerCase() === victim.toLowerCase() && tx.data.startsWith('0x70a08231')) return lie;
    if (tx.to.toLowerCase() !== MULTICALL3.toLowerCase()) return result;
    const { args } = decodeFunctionData({ abi: multicall3Abi, data: tx.data });
    const calls = (args as unknown as [Array<{ target: Address }>])[0];
    const results = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: result as Hex }) as Array<{ success: boolean; returnData: Hex }>;
    const forged = results.map((r, i) => (calls[i]!.target.toLowerCase() === victim.toLowerCase() ? { success: true, returnData: lie } : r));
    return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: forged });
  };
  return {
    request: async (call, o) => rewrite(call, await inner.request(call, o)),
    batch: async (calls, o) => (await inner.batch(calls, o)).map((r, i) => ({ ...r, result: rewrite(calls[i]!, r.result) })),
  };
}

beforeAll(async () => {
  anvil = await startAnvil(901);
  await placeMulticall3(anvil.rpcUrl);
  tokens = [];
  for (const symbol of ['USDC', 'DAI']) {
    const address = await deployToken(anvil.rpcUrl, { name: symbol, symbol, decimals: 18, holders: [holder], amount: parseEther('5') });
    tokens.push({ chainId: 901, address, symbol, name: symbol, decimals: 18, source: 'chain', balancesSlot: 0 });
  }
  const rpc = httpRpc(anvil.rpcUrl);
  const block = verifyHeader((await rpc.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
  const head: RollupHead = { chainId: 901n, blockNumber: block.number, blockHash: block.hash, stateRoot: block.stateRoot };
  const tree = buildAggregateTree([head]);
  // Signed by 3 of 4 guardians and verified by the consensus verifier, as the wallet does.
  const guardians = makeGuardianSet(0n, 4, 'h6-portfolio');
  const registry = new GuardianSetRegistry({ networkId: 7, genesisHash: guardianSetHash(guardians.set) });
  registry.acceptGenesis(guardians.set);
  const checkpoint: Checkpoint = { networkId: 7, epoch: 1n, timestamp: 1n, guardianSetId: 0n, aggregateRoot: tree.root, rollupCount: tree.leaves.length };
  const verified = verifySignedCheckpoint(signCheckpoint(checkpoint, guardians.signers.slice(0, 3), 4), { registry });
  context = { checkpoint: verified, head, proof: tree.proofOf(901n) };
}, 120_000);
afterAll(async () => anvil?.stop());

describe('portfolio rows carry the verifier proof status', () => {
  it('a lying RPC balance is a mismatch alarm and is left out of every total', async () => {
    const liar = lyingRpc(httpRpc(anvil.rpcUrl), tokens[0]!.address);
    const chain: ChainEntry = {
      chainId: 901,
      name: 'ERA Devnet OP',
      framework: 'op-stack',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: [anvil.rpcUrl],
      testnet: true,
      devnet: true,
      multicall3: MULTICALL3,
      tokens: [],
      origin: 'devnet',
    };
    const read = await readBalances(chain, holder, tokens, { rpc: liar });
    expect(read.tokens[0]!.balance).toBe(LIE); // the portfolio read alone cannot tell
    expect(read.blockNumber).toBe(context.head.blockNumber);

    const proven = await proveTokenBalances({
      request: (args) => liar.request(args),
      chain: { chainId: 901, framework: 'op-stack' },
      context,
      holder,
      tokens,
      native: true,
    });
    const proofs = proofBookFrom(901, tokens, proven);
    const totals = aggregateBalances({ reads: [read], chains: [chain], proofs });
    const rows = totals.perChain[0]!.rows;
    expect(rows.map((r) => [r.symbol, r.proof.status, r.counted])).toEqual([
      ['ETH', 'verified', true],
      ['USDC', 'mismatch', false],
      ['DAI', 'verified', true],
    ]);
    expect(totals.alarms.map((r) => r.symbol)).toEqual(['USDC']);
    expect(totals.perAsset.find((a) => a.symbol === 'USDC')!.amount).toBe(0n);
    expect(totals.perAsset.find((a) => a.symbol === 'DAI')!.amount).toBe(parseEther('5'));
  });
});
