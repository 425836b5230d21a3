import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, fromRlp, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendTx, startAnvil, type AnvilChain } from './anvil.fixture.js';
import { encodeHeader, HeaderFormatError, HeaderHashMismatchError, verifyHeader, type RpcBlockHeader } from './header.js';

let chain: AnvilChain;
const blocks: RpcBlockHeader[] = [];

beforeAll(async () => {
  chain = await startAnvil(901);
  const [a, b] = chain.accounts;
  await sendTx(chain, { from: a!, to: b!, value: 10n ** 18n });
  await chain.request({ method: 'evm_mine' });
  for (const tag of ['0x0', '0x1', 'latest']) {
    blocks.push((await chain.request({ method: 'eth_getBlockByNumber', params: [tag, false] })) as RpcBlockHeader);
  }
});
afterAll(async () => chain?.stop());

const HASHED_FIELDS = [
  'parentHash', 'sha3Uncles', 'miner', 'stateRoot', 'transactionsRoot', 'receiptsRoot', 'logsBloom', 'difficulty',
  'number', 'gasLimit', 'gasUsed', 'timestamp', 'extraData', 'mixHash', 'nonce', 'baseFeePerGas', 'withdrawalsRoot',
  'blobGasUsed', 'excessBlobGas', 'parentBeaconBlockRoot', 'requestsHash',
] as const;

describe('verifyHeader against real anvil blocks', () => {
  it('recomputes the hash of the Prague header anvil produces, genesis and with transactions', () => {
    for (const block of blocks) {
      const proven = verifyHeader(block);
      expect(proven).toEqual({ number: BigInt(block.number!), hash: block.hash, stateRoot: block.stateRoot });
      expect(block.requestsHash).toBeDefined(); // anvil 1.7 defaults to Prague: all fork fields present
      expect(fromRlp(bytesToHex(encodeHeader(block)), 'hex')).toHaveLength(21);
    }
    expect(blocks[1]!.transactionsRoot).not.toBe(blocks[0]!.transactionsRoot);
  });

  it('fails when any hashed field is changed', () => {
    const block = blocks[1]!;
    for (const field of HASHED_FIELDS) {
      const original = block[field] as Hex;
      const digits = original.slice(2);
      const changed =
        digits.length === 0 ? '0x01' : (`0x${digits.slice(0, -1)}${digits.at(-1) === '1' ? '2' : '1'}` as Hex);
      const tampered = { ...block, [field]: changed };
      expect(() => verifyHeader(tampered), field).toThrow(HeaderHashMismatchError);
    }
    expect(() => verifyHeader({ ...block, hash: bytesToHex(keccak_256(Uint8Array.of(1))) })).toThrow(HeaderHashMismatchError);
  });

  it('decides the header form by which fork fields are present, in order', () => {
    const block = blocks[1]!;
    // Dropping the last fork field gives a valid Cancun-form header, which hashes differently.
    const cancun = { ...block, requestsHash: undefined };
    expect(() => verifyHeader(cancun)).toThrow(HeaderHashMismatchError);
    const rehashed = { ...cancun, hash: bytesToHex(keccak_256(encodeHeader(cancun))) };
    expect(verifyHeader(rehashed).hash).toBe(rehashed.hash);
    expect(() => verifyHeader({ ...block, withdrawalsRoot: undefined })).toThrow(/present without the earlier field withdrawalsRoot/);
    expect(() => verifyHeader({ ...block, stateRoot: undefined as unknown as Hex })).toThrow(HeaderFormatError);
    expect(() => verifyHeader({ ...block, miner: '0x1234' })).toThrow(/expected 20 bytes/);
    expect(() => verifyHeader({ ...block, gasUsed: 'zz' as Hex })).toThrow(HeaderFormatError);
    expect(() => verifyHeader(null as unknown as RpcBlockHeader)).toThrow(HeaderFormatError);
  });
});
