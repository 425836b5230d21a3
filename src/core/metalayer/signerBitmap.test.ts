import { describe, expect, it } from 'vitest';
import { MetalayerFormatError } from './errors.js';
import { decodeSignerBitmap, encodeSignerBitmap } from './signerBitmap.js';

describe('signer bitmap', () => {
  it('round-trips and refuses wrong lengths or padding bits', () => {
    expect(encodeSignerBitmap([0, 8, 9], 10)).toBe('0x0103');
    expect(decodeSignerBitmap('0x0103', 10)).toEqual([0, 8, 9]);
    expect(() => decodeSignerBitmap('0x01', 10)).toThrow(MetalayerFormatError);
    expect(() => decodeSignerBitmap('0x0104', 10)).toThrow(MetalayerFormatError);
    expect(() => encodeSignerBitmap([10], 10)).toThrow(MetalayerFormatError);
  });
});
