import { encodeFunctionData, keccak256, numberToHex, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAggregateTree, guardianSetHash, signCheckpoint, type Checkpoint, type RollupHead } from '../metalayer/index.js';
import { verifySignedCheckpoint, type VerifiedCheckpoint } from './checkpoint.js';
import { GuardianSetRegistry } from './guardianSetRegistry.js';
import { makeGuardianSet } from './guardians.fixture.js';
import { deployTestToken, erc20Abi, sendTx, startAnvil, transferToken, type AnvilChain, type Eip1193Request } from './anvil.fixture.js';
import { verifyHeader, type RpcBlockHeader } from './header.js';
import { proveNativeBalance } from './proveNativeBalance.js';
import { proveStorage, proveStorageSlots } from './proveStorage.js';
import { erc20BalanceSlot, proveTokenBalance, proveTokenBalances, UnknownBalancesSlotError } from './proveTokenBalance.js';
import type { CheckpointContext, ProvableChain } from './provenValue.js';

let chain: AnvilChain;
let tokens: Address[];
let context: CheckpointContext;
let holder: Address;
let headBlock: bigint;
const opChain: ProvableChain = { chainId: 901, framework: 'op-stack' };
const otherRollup: RollupHead = { chainId: 902n, blockNumber: 5n, blockHash: keccak256('0x01'), stateRoot: keccak256('0x02') };
const fresh: Address = '0x00000000000000000000000000000000000b0b00';

const guardians = makeGuardianSet(0n, 4, 'h2-proven-values');
const registry = new GuardianSetRegistry({ networkId: 7, genesisHash: guardianSetHash(guardians.set) });
registry.acceptGenesis(guardians.set);

/** Signs a checkpoint with 3 of 4 guardians and verifies it as the wallet does (H1's verifier). */
function verifiedCheckpoint(aggregateRoot: Hex, rollupCount: number): VerifiedCheckpoint {
  const checkpoint: Checkpoint = { networkId: 7, epoch: 42n, timestamp: 1n, guardianSetId: 0n, aggregateRoot, rollupCount };
  return verifySignedCheckpoint(signCheckpoint(checkpoint, guardians.signers.slice(0, 3), 4), { registry });
}

/** A checkpoint over the chain's current head, beside another rollup's head. */
async function checkpointAtLatest(): Promise<CheckpointContext> {
  const block = verifyHeader((await chain.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
  const head: RollupHead = { chainId: 901n, blockNumber: block.number, blockHash: block.hash, stateRoot: block.stateRoot };
  const tree = buildAggregateTree([head, otherRollup]);
  return { checkpoint: verifiedCheckpoint(tree.root, tree.leaves.length), head, proof: tree.proofOf(901n) };
}

/** Wraps the RPC to count calls and rewrite chosen answers (the devnet's lying-RPC fault, in miniature). */
function rpcWith(rewrite: (method: string, params: readonly unknown[], result: unknown) => unknown = (_m, _p, r) => r) {
  const calls: string[] = [];
  const request: Eip1193Request = async ({ method, params = [] }) => {
    calls.push(method);
    return rewrite(method, params, await chain.request({ method, params }));
  };
  return { request, calls };
}

beforeAll(async () => {
  chain = await startAnvil(901);
  holder = chain.accounts[1]!;
  tokens = [];
  for (let i = 0; i < 3; i++) {
    const token = await deployTestToken(chain, 10n ** 24n);
    await transferToken(chain, token, chain.accounts[0]!, holder, BigInt(i + 1) * 10n ** 18n);
    tokens.push(token);
  }
  await sendTx(chain, { from: chain.accounts[0]!, to: fresh, value: 777n });
  await chain.request({ method: 'evm_mine' });
  context = await checkpointAtLatest();
  headBlock = context.head.blockNumber;
  // State moves on after the checkpoint: proofs must still be about the checkpointed block.
  await sendTx(chain, { from: chain.accounts[0]!, to: fresh, value: 1000n });
  await transferToken(chain, tokens[0]!, chain.accounts[0]!, holder, 5n);
}, 120_000);
afterAll(async () => chain?.stop());

const balanceAt = async (address: Address, block: bigint) =>
  BigInt((await chain.request({ method: 'eth_getBalance', params: [address, numberToHex(block)] })) as Hex);

describe('proven values against a real anvil rollup', () => {
  it('verifies native balances at the checkpointed block, including an absent account', async () => {
    const { request } = rpcWith();
    const value = await proveNativeBalance({ request, chain: opChain, context, address: fresh });
    expect(value).toMatchObject({ status: 'verified', value: 777n, rpcValue: 777n, blockNumber: headBlock, epoch: 42n });
    expect(await balanceAt(fresh, headBlock + 2n)).toBe(1777n); // the chain moved on; the proof did not
    const rich = await proveNativeBalance({ request, chain: opChain, context, address: holder });
    expect(rich.status).toBe('verified');
    expect(rich.value).toBe(await balanceAt(holder, headBlock));
    const absent = await proveNativeBalance({ request, chain: opChain, context, address: '0x00000000000000000000000000000000deadbeef' });
    expect(absent).toMatchObject({ status: 'verified', value: 0n });
  });

  it('verifies ERC-20 balances with one eth_getProof per token and one for the native balance', async () => {
    const { request, calls } = rpcWith();
    const registryTokens = [...tokens.map((address) => ({ address, balancesSlot: 0 })), { address: tokens[0]!, balancesSlot: undefined }];
    const result = await proveTokenBalances({ request, chain: opChain, context, holder, tokens: registryTokens, native: true });
    expect(result.native).toMatchObject({ status: 'verified', value: await balanceAt(holder, headBlock) });
    expect(result.tokens.slice(0, 3).map((t) => [t.status, t.value])).toEqual([
      ['verified', 1n * 10n ** 18n],
      ['verified', 2n * 10n ** 18n],
      ['verified', 3n * 10n ** 18n],
    ]);
    expect(result.tokens[3]).toMatchObject({ status: 'unverifiable', failedStep: 'storage' });
    expect(result.tokens[3]!.error).toBeInstanceOf(UnknownBalancesSlotError);
    expect(calls.filter((m) => m === 'eth_getProof')).toHaveLength(4);
    expect(calls.filter((m) => m === 'eth_getBlockByNumber')).toHaveLength(1);
    expect(calls.filter((m) => m === 'eth_call')).toHaveLength(3);
    const single = await proveTokenBalance({ request, chain: opChain, context, holder: fresh, token: { address: tokens[1]!, balancesSlot: 0 } });
    expect(single).toMatchObject({ status: 'verified', value: 0n, rpcValue: 0n });
  });

  it('shows a wrong registry balancesSlot as a mismatch against balanceOf, not as a verified 0', async () => {
    const { request } = rpcWith();
    const wrong = await proveTokenBalance({ request, chain: opChain, context, holder, token: { address: tokens[0]!, balancesSlot: 5 } });
    expect(wrong).toMatchObject({ status: 'mismatch', failedStep: 'rpc', value: 0n, rpcValue: 10n ** 18n });
  });

  it('verifies general storage slots from one proof (ERC-20 totalSupply is slot 2), compared with eth_getStorageAt', async () => {
    const { request, calls } = rpcWith();
    const slots = [numberToHex(2, { size: 32 }), erc20BalanceSlot(holder, 0), numberToHex(99, { size: 32 })];
    const values = await proveStorageSlots({ request, chain: opChain, context, address: tokens[2]!, slots });
    expect(values.map((v) => [v.status, v.value])).toEqual([
      ['verified', 10n ** 24n],
      ['verified', 3n * 10n ** 18n],
      ['verified', 0n],
    ]);
    expect(calls.filter((m) => m === 'eth_getProof')).toHaveLength(1);
    expect(await proveStorage({ request, chain: opChain, context, address: tokens[2]!, slot: slots[0]! })).toMatchObject({ status: 'verified' });
    const bad = await proveStorage({ request, chain: opChain, context, address: tokens[2]!, slot: '0x02' });
    expect(bad).toMatchObject({ status: 'invalid', failedStep: 'storage' });
  });

  it('flags a lying RPC as mismatch, with the proven value beside what it said', async () => {
    const inflate = (v: unknown) => numberToHex(BigInt(v as Hex) + 10n ** 20n);
    const liar = rpcWith((method, _p, result) => (method === 'eth_getBalance' || method === 'eth_call' ? inflate(result) : result));
    const native = await proveNativeBalance({ request: liar.request, chain: opChain, context, address: fresh });
    expect(native).toMatchObject({ status: 'mismatch', failedStep: 'rpc', value: 777n, rpcValue: 777n + 10n ** 20n });
    const token = await proveTokenBalance({ request: liar.request, chain: opChain, context, holder, token: { address: tokens[0]!, balancesSlot: 0 } });
    expect(token).toMatchObject({ status: 'mismatch', failedStep: 'rpc', value: 10n ** 18n });
    // The RPC also lies inside its eth_getProof claims (but cannot forge the proof itself).
    const claims = rpcWith((method, _p, result) => {
      if (method !== 'eth_getProof') return result;
      const r = result as { balance: Hex; storageProof: { value: Hex }[] };
      return { ...r, balance: inflate(r.balance), storageProof: r.storageProof.map((s) => ({ ...s, value: inflate(s.value) })) };
    });
    expect(await proveNativeBalance({ request: claims.request, chain: opChain, context, address: fresh })).toMatchObject({
      status: 'mismatch',
      failedStep: 'account',
      value: 777n,
    });
    expect(
      await proveTokenBalance({ request: claims.request, chain: opChain, context, holder, token: { address: tokens[0]!, balancesSlot: 0 } }),
    ).toMatchObject({ status: 'mismatch', failedStep: 'storage', value: 10n ** 18n });
  });

  it('refuses tampered proofs, headers and inclusion proofs as invalid, never as a value', async () => {
    const flipNode = (nodes: Hex[]) => nodes.map((n, i) => (i === nodes.length - 1 ? (`${n.slice(0, -2)}${n.endsWith('00') ? '01' : '00'}` as Hex) : n));
    const badAccount = rpcWith((method, _p, result) => {
      if (method !== 'eth_getProof') return result;
      const r = result as { accountProof: Hex[] };
      return { ...r, accountProof: flipNode(r.accountProof) };
    });
    const a = await proveNativeBalance({ request: badAccount.request, chain: opChain, context, address: holder });
    expect(a).toMatchObject({ status: 'invalid', failedStep: 'account' });
    expect(a.value).toBeUndefined();
    const badStorage = rpcWith((method, _p, result) => {
      if (method !== 'eth_getProof') return result;
      const r = result as { storageProof: { proof: Hex[] }[] };
      return { ...r, storageProof: r.storageProof.map((s) => ({ ...s, proof: flipNode(s.proof) })) };
    });
    const s = await proveTokenBalance({ request: badStorage.request, chain: opChain, context, holder, token: { address: tokens[0]!, balancesSlot: 0 } });
    expect(s).toMatchObject({ status: 'invalid', failedStep: 'storage' });
    expect(s.value).toBeUndefined();
    const badHeader = rpcWith((method, _p, result) =>
      method === 'eth_getBlockByNumber' ? { ...(result as object), gasUsed: '0x1' } : result,
    );
    expect(await proveNativeBalance({ request: badHeader.request, chain: opChain, context, address: holder })).toMatchObject({
      status: 'invalid',
      failedStep: 'header',
    });
    // A head whose state root is not the block's: its leaf is in the tree, but the header refutes it.
    const forgedHead = { ...context.head, stateRoot: keccak256('0x03') };
    const forgedTree = buildAggregateTree([forgedHead, otherRollup]);
    const forged: CheckpointContext = {
      checkpoint: verifiedCheckpoint(forgedTree.root, 2),
      head: forgedHead,
      proof: forgedTree.proofOf(901n),
    };
    expect(await proveNativeBalance({ request: rpcWith().request, chain: opChain, context: forged, address: holder })).toMatchObject({
      status: 'invalid',
      failedStep: 'header',
    });
    const wrongSibling = { ...context, proof: { ...context.proof, siblings: [keccak256('0x04'), ...context.proof.siblings.slice(1)] } };
    expect(await proveNativeBalance({ request: rpcWith().request, chain: opChain, context: wrongSibling, address: holder })).toMatchObject({
      status: 'invalid',
      failedStep: 'inclusion',
    });
    const otherChain = { chainId: 902, framework: 'arbitrum-orbit' };
    expect(await proveNativeBalance({ request: rpcWith().request, chain: otherChain, context, address: holder })).toMatchObject({
      status: 'invalid',
      failedStep: 'inclusion',
    });
  });

  it('says unverifiable for ZK Stack and uncovered chains, pending for blocks after the checkpoint, invalid when the RPC fails', async () => {
    const { request, calls } = rpcWith();
    expect(await proveNativeBalance({ request, chain: { chainId: 904, framework: 'zk-stack' }, context, address: holder })).toMatchObject({
      status: 'unverifiable',
    });
    expect(await proveNativeBalance({ request, chain: opChain, context: null, address: holder })).toMatchObject({ status: 'unverifiable' });
    expect(calls).toHaveLength(0);
    expect(await proveNativeBalance({ request, chain: opChain, context, address: holder, minBlockNumber: headBlock + 1n })).toMatchObject({
      status: 'pending',
      blockNumber: headBlock,
    });
    const offline: Eip1193Request = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await proveNativeBalance({ request: offline, chain: opChain, context, address: holder })).toMatchObject({
      status: 'invalid',
      failedStep: 'rpc',
    });
    const garbage = rpcWith((method, _p, result) => (method === 'eth_getProof' ? { nope: true } : result));
    expect(await proveNativeBalance({ request: garbage.request, chain: opChain, context, address: holder })).toMatchObject({ status: 'invalid' });
    expect(await proveNativeBalance({ request, chain: opChain, context, address: 'nope' as Address })).toMatchObject({ status: 'invalid' });
    const notAContract = await proveTokenBalance({ request, chain: opChain, context, holder, token: { address: fresh, balancesSlot: 0 } });
    expect(notAContract).toMatchObject({ status: 'invalid', failedStep: 'rpc' }); // eth_call balanceOf on an EOA returns 0x
    expect(encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [holder] })).toMatch(/^0x70a08231/);
  });
});
