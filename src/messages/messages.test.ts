import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accountsRename,
  approvalsResolve,
  messageContracts,
  MessageError,
  settingsSet,
  sitesRevoke,
  stateGet,
  txSend,
  vaultGenerateMnemonic,
  vaultUnlock,
} from './index';
import { isRpcRequestFrame } from './provider';

const invalid = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MessageError);
    return (e as MessageError).code;
  }
  throw new Error('expected INVALID_INPUT');
};

describe('message contracts', () => {
  it('have unique types', () => {
    const types = messageContracts.map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('validate good input', () => {
    expect(stateGet.validate(undefined)).toEqual({});
    expect(vaultGenerateMnemonic.validate({ words: 24 })).toEqual({ words: 24 });
    expect(vaultUnlock.validate({ password: 'x' })).toEqual({ password: 'x' });
    expect(settingsSet.validate({ devnetApi: 'http://127.0.0.1:8547/' })).toEqual({ devnetApi: 'http://127.0.0.1:8547' });
    expect(txSend.validate({ chainId: 901, to: '0x' + '11'.repeat(20), value: '1000000000000000000000' })).toMatchObject({ chainId: 901 });
    expect(sitesRevoke.validate({ origin: 'http://127.0.0.1:5173' })).toEqual({ origin: 'http://127.0.0.1:5173' });
  });

  it('refuse bad input with INVALID_INPUT', () => {
    expect(invalid(() => vaultGenerateMnemonic.validate({ words: 13 }))).toBe('INVALID_INPUT');
    expect(invalid(() => vaultUnlock.validate({ password: 5 }))).toBe('INVALID_INPUT');
    expect(invalid(() => vaultUnlock.validate('pw'))).toBe('INVALID_INPUT');
    expect(invalid(() => accountsRename.validate({ address: '0x12', name: 'a' }))).toBe('INVALID_INPUT');
    expect(invalid(() => accountsRename.validate({ address: '0x' + '11'.repeat(20), name: '' }))).toBe('INVALID_INPUT');
    expect(invalid(() => settingsSet.validate({ autoLockMinutes: 0 }))).toBe('INVALID_INPUT');
    expect(invalid(() => settingsSet.validate({ devnetApi: 'file:///etc/passwd' }))).toBe('INVALID_INPUT');
    expect(invalid(() => settingsSet.validate({}))).toBe('INVALID_INPUT');
    expect(invalid(() => txSend.validate({ chainId: 901, to: '0x' + '11'.repeat(20), value: '-1' }))).toBe('INVALID_INPUT');
    expect(invalid(() => approvalsResolve.validate({ id: 'a', approved: true, accounts: ['nope'] }))).toBe('INVALID_INPUT');
    expect(invalid(() => sitesRevoke.validate({ origin: 'http://a.com/path' }))).toBe('INVALID_INPUT');
  });

  it('never throw anything but MessageError on random input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const c of messageContracts) {
          try {
            c.validate(value);
          } catch (e) {
            if (!(e instanceof MessageError)) throw e;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('provider frames are checked for shape', () => {
    expect(isRpcRequestFrame({ kind: 'request', id: 1, method: 'eth_chainId' })).toBe(true);
    expect(isRpcRequestFrame({ kind: 'request', id: '1', method: 'eth_chainId' })).toBe(false);
    expect(isRpcRequestFrame({ kind: 'request', id: 1, method: 'x'.repeat(500) })).toBe(false);
    expect(isRpcRequestFrame(null)).toBe(false);
  });
});
