import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountProofError,
  AccountProofMismatchError,
  EMPTY_CODE_HASH,
  EMPTY_STORAGE_ROOT,
  verifyAccountProof,
  type Eip1186Proof,
} from './accountProof.js';
import { deployTestToken, sendTx, startAnvil, type AnvilChain } from './anvil.fixture.js';
import { verifyHeader, type RpcBlockHeader } from './header.js';

let chain: AnvilChain;
let token: Address;
let stateRoot: Hex;
let block: Hex;
const fresh: Address = '0x00000000000000000000000000000000000a11ce';
const absent: Address = '0x1234567890123456789012345678901234567890';

const getProof = (address: Address, slots: Hex[] = [], tag: Hex = block) =>
  chain.request({ method: 'eth_getProof', params: [address, slots, tag] }) as Promise<Eip1186Proof>;

beforeAll(async () => {
  chain = await startAnvil(902);
  token = await deployTestToken(chain, 10n ** 24n);
  await sendTx(chain, { from: chain.accounts[1]!, to: fresh, value: 12345n });
  await chain.request({ method: 'evm_mine' });
  const header = verifyHeader((await chain.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
  stateRoot = header.stateRoot;
  block = `0x${header.number.toString(16)}`;
});
afterAll(async () => chain?.stop());

describe('verifyAccountProof against real anvil eth_getProof', () => {
  it('proves funded EOAs, matching eth_getBalance and eth_getTransactionCount', async () => {
    for (const address of [chain.accounts[0]!, chain.accounts[1]!, chain.accounts[9]!, fresh]) {
      const account = verifyAccountProof(stateRoot, address, await getProof(address));
      expect(account.exists).toBe(true);
      expect(account.balance).toBe(BigInt((await chain.request({ method: 'eth_getBalance', params: [address, block] })) as Hex));
      expect(account.nonce).toBe(BigInt((await chain.request({ method: 'eth_getTransactionCount', params: [address, block] })) as Hex));
      expect(account.codeHash).toBe(EMPTY_CODE_HASH);
    }
    expect(verifyAccountProof(stateRoot, fresh, await getProof(fresh)).balance).toBe(12345n);
    expect(verifyAccountProof(stateRoot, chain.accounts[0]!, await getProof(chain.accounts[0]!)).nonce).toBe(1n);
  });

  it('proves a contract account: code hash of its code and a non-empty storage root', async () => {
    const account = verifyAccountProof(stateRoot, token, await getProof(token));
    const code = (await chain.request({ method: 'eth_getCode', params: [token, block] })) as Hex;
    expect(account.codeHash).toBe(bytesToHex(keccak_256(Buffer.from(code.slice(2), 'hex'))));
    expect(account.storageRoot).not.toBe(EMPTY_STORAGE_ROOT);
  });

  it('proves an absent account as the empty account', async () => {
    const account = verifyAccountProof(stateRoot, absent, await getProof(absent));
    expect(account).toEqual({ nonce: 0n, balance: 0n, storageRoot: EMPTY_STORAGE_ROOT, codeHash: EMPTY_CODE_HASH, exists: false });
    // Older clients report zero hashes for absent accounts; that is still the empty account.
    const zero = `0x${'00'.repeat(32)}` as Hex;
    expect(verifyAccountProof(stateRoot, absent, { ...(await getProof(absent)), codeHash: zero, storageHash: zero }).exists).toBe(false);
  });

  it('reports a typed mismatch when the RPC claims fields the proof does not show', async () => {
    const honest = await getProof(chain.accounts[2]!);
    const cases: [keyof Eip1186Proof, string][] = [
      ['balance', '0x1'],
      ['nonce', '0x7'],
      ['codeHash', bytesToHex(keccak_256(Uint8Array.of(1)))],
      ['storageHash', bytesToHex(keccak_256(Uint8Array.of(2)))],
      ['address', chain.accounts[3]!],
    ];
    for (const [field, claimed] of cases) {
      const error = catchError(() => verifyAccountProof(stateRoot, chain.accounts[2]!, { ...honest, [field]: claimed }));
      expect(error, field).toBeInstanceOf(AccountProofMismatchError);
      expect((error as AccountProofMismatchError).field).toBe(field);
    }
    const lie = catchError(() => verifyAccountProof(stateRoot, chain.accounts[2]!, { ...honest, balance: '0x1' })) as AccountProofMismatchError;
    expect(lie.proven?.balance).toBe(BigInt(honest.balance));
    // An absent account that the RPC claims is funded.
    expect(() => verifyAccountProof(stateRoot, absent, { ...honest, address: absent, accountProof: [] })).toThrow(AccountProofError);
  });

  it('fails when any byte of any proof node is flipped, or the root is another block\'s', async () => {
    for (const address of [chain.accounts[4]!, absent]) {
      const honest = await getProof(address);
      for (let n = 0; n < honest.accountProof.length; n++) {
        const node = honest.accountProof[n]!;
        for (let i = 2; i < node.length; i += 2) {
          const byte = parseInt(node.slice(i, i + 2), 16) ^ 0x01;
          const tampered = [...honest.accountProof];
          tampered[n] = `${node.slice(0, i)}${byte.toString(16).padStart(2, '0')}${node.slice(i + 2)}` as Hex;
          expect(() => verifyAccountProof(stateRoot, address, { ...honest, accountProof: tampered })).toThrow(AccountProofError);
        }
      }
    }
    const older = verifyHeader((await chain.request({ method: 'eth_getBlockByNumber', params: ['0x1', false] })) as RpcBlockHeader);
    const proof = await getProof(fresh);
    expect(() => verifyAccountProof(older.stateRoot, fresh, proof)).toThrow(AccountProofError);
    expect(() => verifyAccountProof(stateRoot, fresh, { ...proof, accountProof: proof.accountProof.slice(0, -1) })).toThrow(AccountProofError);
    expect(() => verifyAccountProof(stateRoot, fresh, { ...proof, accountProof: ['0xzz'] })).toThrow(AccountProofError);
    expect(() => verifyAccountProof(stateRoot, 'nope' as Address, proof)).toThrow(AccountProofError);
    expect(() => verifyAccountProof(stateRoot, fresh, null as unknown as Eip1186Proof)).toThrow(AccountProofError);
  });
});

describe('anvil cheat codes and proofs (why the devnet must mine after anvil_set*)', () => {
  it('refuses proofs of a block whose state anvil_setBalance changed in place; the next mined block proves fine', async () => {
    const other = await startAnvil(905);
    try {
      const target: Address = '0x0000000000000000000000000000000000000042';
      await other.request({ method: 'evm_mine' });
      const latest = async () => verifyHeader((await other.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
      const proofAt = (n: bigint) => other.request({ method: 'eth_getProof', params: [target, [], `0x${n.toString(16)}`] }) as Promise<Eip1186Proof>;
      const dirty = await latest();
      await other.request({ method: 'anvil_setBalance', params: [target, '0x64'] });
      const stale = await proofAt(dirty.number);
      expect(() => verifyAccountProof(dirty.stateRoot, target, stale)).toThrow(AccountProofError);
      await other.request({ method: 'evm_mine' });
      const clean = await latest();
      expect(verifyAccountProof(clean.stateRoot, target, await proofAt(clean.number)).balance).toBe(100n);
      // The older block stays broken: its state was changed under its header.
      expect(() => verifyAccountProof(dirty.stateRoot, target, stale)).toThrow(AccountProofError);
    } finally {
      await other.stop();
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
