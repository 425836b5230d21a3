import { encodeAbiParameters, encodeFunctionData, keccak256, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_STORAGE_ROOT, verifyAccountProof, type Eip1186Proof } from './accountProof.js';
import { deployTestToken, erc20Abi, startAnvil, transferToken, type AnvilChain } from './anvil.fixture.js';
import { verifyHeader, type RpcBlockHeader } from './header.js';
import { StorageProofError, StorageProofMismatchError, verifyStorageProof } from './storageProof.js';

let chain: AnvilChain;
let token: Address;
let stateRoot: Hex;
let block: Hex;
const balanceSlot = (holder: Address) => keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [holder, 0n]));
const getProof = (address: Address, slots: Hex[]) =>
  chain.request({ method: 'eth_getProof', params: [address, slots, block] }) as Promise<Eip1186Proof>;
const nobody: Address = '0x000000000000000000000000000000000000dEaD';

beforeAll(async () => {
  chain = await startAnvil(903);
  token = await deployTestToken(chain, 10n ** 24n);
  const [a, b, c] = chain.accounts;
  await transferToken(chain, token, a!, b!, 5n * 10n ** 18n);
  await transferToken(chain, token, a!, c!, 7n);
  await chain.request({ method: 'evm_mine' });
  const header = verifyHeader((await chain.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as RpcBlockHeader);
  stateRoot = header.stateRoot;
  block = `0x${header.number.toString(16)}`;
});
afterAll(async () => chain?.stop());

describe('verifyStorageProof against real anvil eth_getProof', () => {
  it('proves ERC-20 balances (slot keccak(abi.encode(holder, 0))) equal to balanceOf, and absent slots as 0', async () => {
    const holders = [...chain.accounts.slice(0, 3), nobody];
    const proof = await getProof(token, holders.map(balanceSlot));
    const account = verifyAccountProof(stateRoot, token, proof);
    for (let i = 0; i < holders.length; i++) {
      const value = verifyStorageProof(account.storageRoot, balanceSlot(holders[i]!), proof.storageProof[i]!);
      const call = (await chain.request({
        method: 'eth_call',
        params: [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [holders[i]!] }) }, block],
      })) as Hex;
      expect(value).toBe(BigInt(call));
    }
    expect(verifyStorageProof(account.storageRoot, balanceSlot(chain.accounts[2]!), proof.storageProof[2]!)).toBe(7n);
    expect(verifyStorageProof(account.storageRoot, balanceSlot(nobody), proof.storageProof[3]!)).toBe(0n);
    // Bare nodes work too (no claims to check).
    expect(verifyStorageProof(account.storageRoot, balanceSlot(chain.accounts[1]!), proof.storageProof[1]!.proof)).toBe(5n * 10n ** 18n);
  });

  it('proves any slot of an account without storage as 0 (anvil sends the node rlp(""))', async () => {
    const slot = `0x${'00'.repeat(31)}01` as Hex;
    const proof = await getProof(chain.accounts[5]!, [slot]);
    const account = verifyAccountProof(stateRoot, chain.accounts[5]!, proof);
    expect(account.storageRoot).toBe(EMPTY_STORAGE_ROOT);
    expect(verifyStorageProof(account.storageRoot, slot, proof.storageProof[0]!)).toBe(0n);
    expect(verifyStorageProof(account.storageRoot, slot, [])).toBe(0n);
  });

  it('reports a typed mismatch when the RPC claims another value or slot', async () => {
    const slot = balanceSlot(chain.accounts[1]!);
    const proof = await getProof(token, [slot]);
    const { storageRoot } = verifyAccountProof(stateRoot, token, proof);
    const entry = proof.storageProof[0]!;
    const lie = catchError(() => verifyStorageProof(storageRoot, slot, { ...entry, value: '0x1' }));
    expect(lie).toBeInstanceOf(StorageProofMismatchError);
    expect((lie as StorageProofMismatchError).proven).toBe(5n * 10n ** 18n);
    expect(catchError(() => verifyStorageProof(storageRoot, slot, { ...entry, key: balanceSlot(nobody) }))).toBeInstanceOf(StorageProofMismatchError);
    // The slot of another holder is not proven by this proof.
    expect(() => verifyStorageProof(storageRoot, balanceSlot(chain.accounts[2]!), entry.proof)).toThrow(StorageProofError);
  });

  it('fails when any byte of any proof node is flipped, or under another storage root', async () => {
    for (const holder of [chain.accounts[1]!, nobody]) {
      const slot = balanceSlot(holder);
      const proof = await getProof(token, [slot]);
      const { storageRoot } = verifyAccountProof(stateRoot, token, proof);
      const nodes = proof.storageProof[0]!.proof;
      const honest = verifyStorageProof(storageRoot, slot, nodes);
      for (let n = 0; n < nodes.length; n++) {
        const node = nodes[n]!;
        for (let i = 2; i < node.length; i += 2) {
          const byte = parseInt(node.slice(i, i + 2), 16) ^ 0x80;
          const tampered = [...nodes];
          tampered[n] = `${node.slice(0, i)}${byte.toString(16).padStart(2, '0')}${node.slice(i + 2)}` as Hex;
          let result: bigint | 'throws';
          try {
            result = verifyStorageProof(storageRoot, slot, tampered);
          } catch (error) {
            expect(error).toBeInstanceOf(StorageProofError);
            result = 'throws';
          }
          expect(result === 'throws' || result !== honest).toBe(true);
        }
      }
      expect(() => verifyStorageProof(EMPTY_STORAGE_ROOT, slot, nodes)).toThrow(StorageProofError);
    }
  });

  it('requires full 32-byte slots', () => {
    expect(() => verifyStorageProof(EMPTY_STORAGE_ROOT, '0x0', [])).toThrow(/not 32 bytes/);
    expect(() => verifyStorageProof(EMPTY_STORAGE_ROOT, `0x${'00'.repeat(33)}`, [])).toThrow(StorageProofError);
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
