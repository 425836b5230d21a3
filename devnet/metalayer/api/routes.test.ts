import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/router.js';
import { FaultSpecError, FaultSwitchboard, parseFault } from '../faults/faults.js';
import { isLoopback, parseUint } from './routes.js';

describe('metalayer API input checks', () => {
  it('parses epochs and ids in decimal or hex, refuses the rest with 400', () => {
    expect(parseUint('12', 'epoch')).toBe(12n);
    expect(parseUint('0x1f', 'epoch')).toBe(31n);
    for (const bad of ['', '-1', '1.5', 'abc', '0x', '18446744073709551616', '0x10000000000000000', null]) {
      expect(() => parseUint(bad, 'epoch')).toThrow(ApiError);
    }
  });

  it('admin routes accept loopback peers only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.2')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('validates fault specs', () => {
    expect(parseFault({ kind: 'lyingRpc', chainId: 901 })).toEqual({ kind: 'lyingRpc', chainId: 901, proofs: false, factor: 10 });
    expect(parseFault({ kind: 'equivocation' })).toEqual({ kind: 'equivocation', guardians: [0], splitView: false });
    for (const bad of [null, 3, {}, { kind: 'x' }, { kind: 'lyingRpc' }, { kind: 'lyingRpc', chainId: -1 }, { kind: 'lyingRpc', chainId: 1, factor: 1 },
      { kind: 'offlineGuardians', guardians: [2000] }, { kind: 'offlineGuardians', guardians: 'all' }, { kind: 'staleApi', epoch: 1.5 }]) {
      expect(() => parseFault(bad)).toThrow(FaultSpecError);
    }
  });

  it('keeps one fault per kind (per chain for lyingRpc) and clears by kind', () => {
    const board = new FaultSwitchboard();
    const seen: number[] = [];
    board.onChange((f) => seen.push(f.length));
    board.set(parseFault({ kind: 'lyingRpc', chainId: 901 }));
    board.set(parseFault({ kind: 'lyingRpc', chainId: 902 }));
    board.set(parseFault({ kind: 'lyingRpc', chainId: 901, proofs: true }));
    board.set(parseFault({ kind: 'staleApi' }));
    expect(board.lyingRpc(901)?.proofs).toBe(true);
    expect(board.list()).toHaveLength(3);
    board.clear('lyingRpc');
    expect(board.list().map((f) => f.kind)).toEqual(['staleApi']);
    board.clear();
    expect(seen).toEqual([1, 2, 2, 3, 1, 0]);
  });
});
