import { bytesToHex, concatBytes, getAddress, hexToBytes, isAddress, keccak256, type Address, type Hex } from 'viem';
import { ChainValidationError } from './errors';

// ERC-7930 Interoperable Addresses, eip155 profile (CAIP-350): ChainType 0x0000, the chain reference is the
// chain id as minimal big-endian bytes, the address its 20 raw bytes.

const EIP155_CHAIN_TYPE = new Uint8Array([0x00, 0x00]);
const VERSION_1 = new Uint8Array([0x00, 0x01]);

function chainReference(chainId: number | bigint | undefined): Uint8Array {
  if (chainId === undefined) return new Uint8Array();
  let n = BigInt(chainId);
  if (n <= 0n) throw new ChainValidationError('chain id must be positive');
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  if (out.length > 32) throw new ChainValidationError('chain id is longer than 32 bytes');
  return new Uint8Array(out);
}

/** ChainType ‖ ChainReferenceLength ‖ ChainReference ‖ AddressLength ‖ Address (v1 without the version). */
function body(address: Address | undefined, chainId: number | bigint | undefined): Uint8Array {
  const ref = chainReference(chainId);
  const addr = address ? hexToBytes(address) : new Uint8Array();
  if (ref.length === 0 && addr.length === 0) throw new ChainValidationError('need an address or a chain id');
  return concatBytes([EIP155_CHAIN_TYPE, new Uint8Array([ref.length]), ref, new Uint8Array([addr.length]), addr]);
}

/** The ERC-7930 v1 binary Interoperable Address. */
export function interoperableAddress(address: Address | undefined, chainId: number | bigint | undefined): Hex {
  return bytesToHex(concatBytes([VERSION_1, body(address, chainId)]));
}

/** The 4-byte checksum: first 4 bytes of keccak256 of the binary form without its version, upper-case hex. */
export function interoperableChecksum(address: Address | undefined, chainId: number | bigint | undefined): string {
  return keccak256(body(address, chainId)).slice(2, 10).toUpperCase();
}

/** `0xAbC…@eip155:<chainId>#<CHECKSUM>` (address in EIP-55 form). */
export function toInteroperableName(address: Address, chainId: number | bigint): string {
  if (!isAddress(address, { strict: false })) throw new ChainValidationError('invalid address', { details: address });
  const a = getAddress(address);
  return `${a}@eip155:${BigInt(chainId).toString()}#${interoperableChecksum(a, chainId)}`;
}

export interface InteroperableName {
  address: Address;
  chainId: number;
  checksum: string;
}

/** Parses an eip155 Interoperable Name; a wrong or missing checksum is an error (it catches typos). */
export function parseInteroperableName(text: string): InteroperableName {
  const m = /^(0x[0-9a-fA-F]{40})@eip155:([1-9][0-9]{0,15})#([0-9A-F]{8})$/.exec(text.trim());
  if (!m) throw new ChainValidationError('not an eip155 interoperable name (0x…@eip155:<id>#<CHECKSUM>)', { details: text });
  const [, addr, id, checksum] = m as unknown as [string, string, string, string];
  if (!isAddress(addr, { strict: true }))
    throw new ChainValidationError('address has a wrong EIP-55 checksum', { details: addr });
  const chainId = Number(id);
  if (!Number.isSafeInteger(chainId)) throw new ChainValidationError('chain id too large', { details: id });
  const address = getAddress(addr);
  const expected = interoperableChecksum(address, chainId);
  if (expected !== checksum)
    throw new ChainValidationError('interoperable name checksum mismatch', { details: `expected #${expected}, got #${checksum}` });
  return { address, chainId, checksum };
}
