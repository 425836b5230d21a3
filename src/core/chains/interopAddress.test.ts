import { describe, expect, it } from 'vitest';
import { ChainValidationError } from './errors';
import { interoperableAddress, interoperableChecksum, parseInteroperableName, toInteroperableName } from './interopAddress';

// Test vectors from the ERC-7930 text (Examples 1 and 3) and the ERC-7828 abstract.
const VITALIK = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('ERC-7930 interoperable addresses (eip155)', () => {
  it('matches the spec vectors', () => {
    expect(toInteroperableName(VITALIK, 1)).toBe(`${VITALIK}@eip155:1#4CA88C9C`);
    expect(interoperableAddress(VITALIK, 1)).toBe('0x00010000010114d8da6bf26964af9d7eed9e03e53415d37aa96045');
    expect(interoperableChecksum(VITALIK, undefined)).toBe('B26DB7CB');
    expect(interoperableAddress(VITALIK, undefined)).toBe('0x000100000014d8da6bf26964af9d7eed9e03e53415d37aa96045');
    expect(toInteroperableName('0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7', 1)).toBe(
      '0xFe89cc7aBB2C4183683ab71653C4cdc9B02D44b7@eip155:1#80B12379',
    );
  });

  it('encodes multi-byte chain ids big-endian without leading zeros', () => {
    expect(interoperableAddress(VITALIK, 1380012617)).toMatch(/^0x00010000045241524914/);
    expect(interoperableAddress(VITALIK, 256)).toMatch(/^0x000100000201001/);
  });

  it('round-trips and checks the checksum and EIP-55 case', () => {
    const name = toInteroperableName(VITALIK.toLowerCase() as `0x${string}`, 901);
    expect(parseInteroperableName(name)).toEqual({ address: VITALIK, chainId: 901, checksum: name.split('#')[1] });
    expect(() => parseInteroperableName(name.replace(/#.*/, '#00000000'))).toThrow(/checksum mismatch/);
    expect(() => parseInteroperableName(name.replace('@eip155:901', '@eip155:902'))).toThrow(ChainValidationError);
    expect(() => parseInteroperableName(`${VITALIK.replace('d8dA', 'd8DA')}@eip155:1#4CA88C9C`)).toThrow(/EIP-55/);
    expect(() => parseInteroperableName(`${VITALIK}@eip155:1`)).toThrow(/not an eip155/);
    expect(parseInteroperableName(`${VITALIK.toLowerCase()}@eip155:1#4CA88C9C`).address).toBe(VITALIK);
  });
});
