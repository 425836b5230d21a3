import { describe, expect, it } from 'vitest';
import { checkSiwe, detectSiwe } from './siwe';

const ADDR = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const siwe = (domain: string, extra = '') =>
  `${domain} wants you to sign in with your Ethereum account:\n${ADDR}\n\nSign in to the app.\n\nURI: https://${domain}/login\nVersion: 1\nChain ID: 901\nNonce: 32891756\nIssued At: 2026-11-25T22:00:00Z${extra}`;
const ctx = { origin: 'https://app.example.com', signer: ADDR, chainId: 901, now: Date.parse('2026-11-25T22:10:00Z') };

describe('SIWE (EIP-4361)', () => {
  it('parses a well-formed message', () => {
    const d = detectSiwe(siwe('app.example.com', '\nExpiration Time: 2026-11-26T00:00:00Z\nResources:\n- ipfs://abc\n- https://x.y/z'));
    expect(d.kind).toBe('siwe');
    if (d.kind !== 'siwe') return;
    expect(d.fields).toMatchObject({
      domain: 'app.example.com',
      address: ADDR,
      statement: 'Sign in to the app.',
      chainId: 901,
      nonce: '32891756',
      expirationTime: '2026-11-26T00:00:00Z',
      resources: ['ipfs://abc', 'https://x.y/z'],
    });
  });

  it('parses a message without statement', () => {
    const text = `app.example.com wants you to sign in with your Ethereum account:\n${ADDR}\n\nURI: https://app.example.com\nVersion: 1\nChain ID: 1\nNonce: abcdefgh\nIssued At: 2026-11-25T22:00:00Z`;
    const d = detectSiwe(text);
    expect(d.kind).toBe('siwe');
  });

  it('ignores ordinary text', () => {
    expect(detectSiwe('hello world').kind).toBe('none');
    expect(checkSiwe(detectSiwe('hello'), ctx)).toEqual({ block: null, warnings: [], fields: null });
  });

  it('passes when the domain is the origin host', () => {
    const r = checkSiwe(detectSiwe(siwe('app.example.com')), ctx);
    expect(r.block).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('BLOCKS when the domain is not the requesting origin host', () => {
    const r = checkSiwe(detectSiwe(siwe('bank.example.org')), ctx);
    expect(r.block?.code).toBe('siwe_domain_mismatch');
    expect(r.block?.message).toContain('bank.example.org');
    expect(r.block?.message).toContain('https://app.example.com');
  });

  it('compares the port and the scheme too', () => {
    const local = { ...ctx, origin: 'http://127.0.0.1:5173' };
    expect(checkSiwe(detectSiwe(siwe('127.0.0.1:5173')), local).block).toBeNull();
    expect(checkSiwe(detectSiwe(siwe('127.0.0.1:9999')), local).block?.code).toBe('siwe_domain_mismatch');
    expect(checkSiwe(detectSiwe(siwe('https://127.0.0.1:5173')), local).block?.code).toBe('siwe_domain_mismatch');
    expect(checkSiwe(detectSiwe(siwe('http://127.0.0.1:5173')), local).block).toBeNull();
  });

  it('blocks a malformed SIWE message and warns on address/chain/expiry mismatch', () => {
    expect(checkSiwe(detectSiwe('app.example.com wants you to sign in with your Ethereum account:\nnot-an-address'), ctx).block?.code).toBe(
      'siwe_malformed',
    );
    const r = checkSiwe(detectSiwe(siwe('app.example.com', '\nExpiration Time: 2020-01-01T00:00:00Z')), {
      ...ctx,
      signer: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      chainId: 902,
    });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['siwe_address_mismatch', 'siwe_chain_mismatch', 'siwe_expired']);
  });
});
