import { describe, expect, it } from 'vitest';
import { hyperlaneArtifact, parseFactorySource, HyperlaneArtifactError } from './artifacts';

describe('hyperlane artifacts', () => {
  it('reads ABI and bytecode of the shipped factories', () => {
    const mailbox = hyperlaneArtifact('Mailbox');
    expect(mailbox.bytecode.startsWith('0x60')).toBe(true);
    expect(mailbox.abi.some((e) => e.type === 'function' && e.name === 'process')).toBe(true);
    const factory = hyperlaneArtifact('StaticMessageIdMultisigIsmFactory');
    expect(factory.abi.some((e) => e.type === 'function' && e.name === 'deploy')).toBe(true);
  });
  it('rejects text that is not a factory', () => {
    expect(() => parseFactorySource('export const x = 1;', 'x.js')).toThrow(HyperlaneArtifactError);
  });
});
