import { describe, expect, it } from 'vitest';
import { alarmsByChain, groupStatus, partialLabel, verifiedUsd, type ProvenRow } from './proofSummary';

const row = (chainId: number, status: ProvenRow['proof']['status'], usd?: string, counted = true): ProvenRow => ({
  chainId,
  counted,
  ...(usd !== undefined ? { usd } : {}),
  proof: { status },
});

describe('proof summaries', () => {
  it('an alarm outranks everything, then pending, then unverifiable', () => {
    expect(groupStatus([row(1, 'verified'), row(2, 'mismatch'), row(3, 'pending')])).toBe('mismatch');
    expect(groupStatus([row(1, 'verified'), row(2, 'invalid')])).toBe('invalid');
    expect(groupStatus([row(1, 'verified'), row(2, 'unverifiable'), row(3, 'pending')])).toBe('pending');
    expect(groupStatus([row(1, 'verified'), row(2, 'unverifiable')])).toBe('unverifiable');
    expect(groupStatus([row(1, 'verified'), row(2, 'verified')])).toBe('verified');
  });
  it('an empty group is never shown as verified', () => {
    expect(groupStatus([])).toBe('pending');
  });
  it('labels a partly provable group with its count', () => {
    expect(partialLabel([row(1, 'verified'), row(2, 'verified'), row(3, 'unverifiable')])).toBe('2 of 3 verified');
    expect(partialLabel([row(1, 'unverifiable')])).toBeUndefined();
    expect(partialLabel([row(1, 'verified'), row(2, 'pending')])).toBeUndefined();
  });
  it('sums only counted, verified, priced rows', () => {
    expect(verifiedUsd([row(1, 'verified', '100'), row(2, 'unverifiable', '50'), row(3, 'verified'), row(4, 'verified', '7', false), row(5, 'verified', '1')])).toBe(101n);
  });
  it('groups alarms per chain in order', () => {
    const grouped = alarmsByChain([
      { chainId: 901, symbol: 'ETH' },
      { chainId: 902, symbol: 'ETH' },
      { chainId: 901, symbol: 'USDC' },
    ]);
    expect([...grouped.keys()]).toEqual([901, 902]);
    expect(grouped.get(901)!.map((r) => r.symbol)).toEqual(['ETH', 'USDC']);
  });
});
