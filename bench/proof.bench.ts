// Per-asset proof verification (account proof + storage proof of an ERC-20 balance, checkpoint
// already verified): our verifier vs @ethereumjs/mpt on the same real anvil eth_getProof responses.
import { verifyMerkleProof } from '@ethereumjs/mpt';
import { decode as rlpDecode } from '@ethereumjs/rlp';
import { bytesToBigInt, hexToBytes as ejsHexToBytes } from '@ethereumjs/util';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { keccak256, numberToHex, type Address, type Hex } from 'viem';
import { verifyAccountProof, type Eip1186Proof } from '../src/core/verifier/accountProof.js';
import { deployTestToken, startAnvil, type AnvilChain } from '../src/core/verifier/anvil.fixture.js';
import { verifyHeader, type RpcBlockHeader } from '../src/core/verifier/header.js';
import { keccak256Bytes } from '../src/core/crypto/keccak.js';
import { erc20BalanceSlot } from '../src/core/verifier/proveTokenBalance.js';
import { verifyStorageProof } from '../src/core/verifier/storageProof.js';

const ACCOUNTS = 3000; // extra funded accounts, so the state trie is several levels deep
const HOLDERS = 3000; // token holders, so the storage trie is too
const ASSETS = 16; // distinct proofs cycled through while timing
const SAMPLES = 400;
const BATCH = 10;

type Asset = { token: Address; slot: Hex; proof: Eip1186Proof };

async function rpcBatch(chain: AnvilChain, calls: { method: string; params: unknown[] }[]) {
  for (let i = 0; i < calls.length; i += 500) {
    const body = calls.slice(i, i + 500).map((c, j) => ({ jsonrpc: '2.0', id: i + j, ...c }));
    const res = await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const out = (await res.json()) as { error?: { message: string } }[];
    const failed = out.find((r) => r.error);
    if (failed) throw new Error(failed.error!.message);
  }
}

async function prepare(chain: AnvilChain): Promise<{ stateRoot: Hex; assets: Asset[] }> {
  const token = await deployTestToken(chain, 10n ** 30n);
  const addr = (i: number) => `0x${keccak256(numberToHex(i, { size: 32 })).slice(26)}` as Address;
  await rpcBatch(
    chain,
    Array.from({ length: ACCOUNTS }, (_, i) => ({ method: 'anvil_setBalance', params: [addr(i), numberToHex(10n ** 18n + BigInt(i))] })),
  );
  await rpcBatch(
    chain,
    Array.from({ length: HOLDERS }, (_, i) => ({
      method: 'anvil_setStorageAt',
      params: [token, erc20BalanceSlot(addr(i), 0), numberToHex(BigInt(i + 1) * 10n ** 15n, { size: 32 })],
    })),
  );
  await chain.request({ method: 'evm_mine' });
  const header = verifyHeader((await chain.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
  const tag = numberToHex(header.number);
  const assets: Asset[] = [];
  for (let i = 0; i < ASSETS; i++) {
    const slot = erc20BalanceSlot(addr(i * 97), 0);
    const proof = (await chain.request({ method: 'eth_getProof', params: [token, [slot], tag] })) as Eip1186Proof;
    assets.push({ token, slot, proof });
  }
  return { stateRoot: header.stateRoot, assets };
}

function ours(stateRoot: Hex, a: Asset): bigint {
  const account = verifyAccountProof(stateRoot, a.token, a.proof);
  return verifyStorageProof(account.storageRoot, a.slot, a.proof.storageProof[0]!);
}

async function reference(stateRoot: Hex, a: Asset): Promise<bigint> {
  const accountRlp = await verifyMerkleProof(keccak_256(ejsHexToBytes(a.token)), a.proof.accountProof.map((n) => ejsHexToBytes(n)), {
    root: ejsHexToBytes(stateRoot),
  });
  if (accountRlp === null) throw new Error('account absent');
  const [, , storageRoot] = rlpDecode(accountRlp) as Uint8Array[];
  const slotRlp = await verifyMerkleProof(keccak_256(ejsHexToBytes(a.slot)), a.proof.storageProof[0]!.proof.map((n) => ejsHexToBytes(n)), {
    root: storageRoot!,
  });
  return slotRlp === null ? 0n : bytesToBigInt(rlpDecode(slotRlp) as Uint8Array);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

export async function run(): Promise<void> {
  const chain = await startAnvil(901);
  try {
    const { stateRoot, assets } = await prepare(chain);
    for (const a of assets) {
      const [x, y] = [ours(stateRoot, a), await reference(stateRoot, a)];
      if (x !== y || x !== BigInt(a.proof.storageProof[0]!.value)) throw new Error(`verifiers disagree: ${x} vs ${y}`);
    }
    const depth = (k: 'account' | 'storage') =>
      median(assets.map((a) => (k === 'account' ? a.proof.accountProof.length : a.proof.storageProof[0]!.proof.length)));
    console.log(`anvil state: ${ACCOUNTS}+ accounts, ${HOLDERS} holders; proof depth: account ${depth('account')}, storage ${depth('storage')} nodes`);

    let i = 0;
    for (let w = 0; w < 300; w++) {
      ours(stateRoot, assets[w % ASSETS]!);
      await reference(stateRoot, assets[w % ASSETS]!);
    }
    const oursUs: number[] = [];
    const refUs: number[] = [];
    // Interleave the two so machine noise hits both alike.
    for (let s = 0; s < SAMPLES; s++) {
      let t = performance.now();
      for (let b = 0; b < BATCH; b++) ours(stateRoot, assets[i++ % ASSETS]!);
      oursUs.push(((performance.now() - t) * 1000) / BATCH);
      t = performance.now();
      for (let b = 0; b < BATCH; b++) await reference(stateRoot, assets[i++ % ASSETS]!);
      refUs.push(((performance.now() - t) * 1000) / BATCH);
    }
    const mOurs = median(oursUs);
    const mRef = median(refUs);
    console.log(`per-asset proof verification (account + storage proof), median of ${SAMPLES}×${BATCH}:`);
    console.log(`  ours (verifyAccountProof + verifyStorageProof): ${mOurs.toFixed(1)} µs`);
    console.log(`  @ethereumjs/mpt verifyMerkleProof ×2:          ${mRef.toFixed(1)} µs`);
    console.log(`  speed-up: ${(mRef / mOurs).toFixed(2)}× (target ≥ 2×) ${mRef / mOurs >= 2 ? 'PASS' : 'BELOW TARGET'}`);

    // Where the time goes: hashing the same nodes with our keccak vs @noble/hashes (both sides' hash).
    const nodes = assets.flatMap((a) => [...a.proof.accountProof, ...a.proof.storageProof[0]!.proof]).map((n) => ejsHexToBytes(n));
    const perAsset = nodes.length / ASSETS;
    const hashUs = (f: (b: Uint8Array) => unknown) => {
      const xs: number[] = [];
      for (let s = 0; s < 100; s++) {
        const t = performance.now();
        for (const n of nodes) f(n);
        xs.push(((performance.now() - t) * 1000) / ASSETS);
      }
      return median(xs);
    };
    hashUs(keccak256Bytes);
    hashUs(keccak_256);
    const [kOurs, kNoble] = [hashUs(keccak256Bytes), hashUs(keccak_256)];
    console.log(`  of which hashing ${perAsset.toFixed(0)} nodes: ours ${kOurs.toFixed(1)} µs, @noble/hashes ${kNoble.toFixed(1)} µs (${(kNoble / kOurs).toFixed(2)}×)`);
  } finally {
    await chain.stop();
  }
}
