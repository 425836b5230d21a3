import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from './errors';
import { decodeTypedData, parseTypedData } from './typedData';

const mail = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallets', type: 'address[]' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  domain: { name: 'Ether Mail', version: '1', chainId: 901, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  message: {
    from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826'] },
    to: [{ name: 'Bob', wallets: ['0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB'] }],
    contents: 'Hello, Bob!',
  },
};

const invalidParams = (input: unknown) => {
  try {
    parseTypedData(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderRpcError);
    expect((e as ProviderRpcError).code).toBe(-32602);
    return (e as Error).message;
  }
  throw new Error('expected -32602');
};

describe('typed data v4', () => {
  it('parses JSON strings and objects, and decodes nested fields for display', () => {
    const def = parseTypedData(JSON.stringify(mail));
    const d = decodeTypedData(def, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(d.domain).toEqual({ name: 'Ether Mail', version: '1', chainId: 901, verifyingContract: mail.domain.verifyingContract });
    expect(d.primaryType).toBe('Mail');
    expect(d.fields[0]).toEqual({
      name: 'from',
      type: 'Person',
      value: [
        { name: 'name', type: 'string', value: 'Cow' },
        { name: 'wallets', type: 'address[]', value: [{ name: '0', type: 'address', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }] },
      ],
    });
    expect(d.fields[2]).toEqual({ name: 'contents', type: 'string', value: 'Hello, Bob!' });
    expect(parseTypedData(mail).primaryType).toBe('Mail');
  });

  it('refuses malformed typed data naming the problem', () => {
    expect(invalidParams('{nope')).toMatch(/JSON/);
    expect(invalidParams({ ...mail, primaryType: 'Missing' })).toMatch(/primaryType/);
    expect(invalidParams({ ...mail, types: { ...mail.types, Mail: 'x' } })).toMatch(/Mail/);
    expect(invalidParams({ ...mail, domain: null })).toMatch(/domain/);
    expect(invalidParams({ ...mail, message: { ...mail.message, from: { name: 'Cow', wallets: ['0x12'] } } })).toMatch(/does not match/);
    expect(invalidParams(42)).toMatch(/object/);
  });
});
