import { describe, expect, it } from 'vitest';
import type { Approval } from '../walletApi';
import { localChecks } from './localChecks';

const siwe = (domain: string) => ({
  domain,
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  statement: null,
  uri: `http://${domain}`,
  version: '1',
  chainId: 901,
  nonce: 'abcdefgh',
  issuedAt: '2026-01-01T00:00:00Z',
  expirationTime: null,
  notBefore: null,
  requestId: null,
  resources: [],
});

const base = { id: '1', origin: 'http://127.0.0.1:5173', chainId: 901, createdAt: 0, warnings: [], blocked: null };

describe('localChecks', () => {
  it('blocks a SIWE message for another domain', () => {
    const a = { ...base, kind: 'personal_sign', params: { address: '0x0', text: 'x', raw: '0x', siwe: siwe('evil.example') } } as unknown as Approval;
    expect(localChecks(a).blocked?.code).toBe('siwe_domain_mismatch');
  });
  it('lets a SIWE message for the same host through', () => {
    const a = { ...base, kind: 'personal_sign', params: { address: '0x0', text: 'x', raw: '0x', siwe: siwe('127.0.0.1:5173') } } as unknown as Approval;
    expect(localChecks(a).blocked).toBeNull();
  });
  it('warns when typed data names another chain', () => {
    const a = { ...base, kind: 'typed_data', params: { address: '0x0', domain: { chainId: 1 }, primaryType: 'Mail', fields: [] } } as unknown as Approval;
    expect(localChecks(a).warnings[0]?.code).toBe('typed_data_chain_mismatch');
    const same = { ...a, params: { ...a.params, domain: { chainId: 901 } } } as unknown as Approval;
    expect(localChecks(same).warnings).toEqual([]);
  });
});
