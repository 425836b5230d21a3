import { describe, expect, it } from 'vitest';
import { InvalidMnemonicError } from './errors';
import { generateMnemonic, parseMnemonic } from './mnemonic';

const ANVIL = 'test test test test test test test test test test test junk';

const problemOf = (input: string) => {
  try {
    parseMnemonic(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidMnemonicError);
    return e as InvalidMnemonicError;
  }
  throw new Error('expected InvalidMnemonicError');
};

describe('mnemonic', () => {
  it('generates valid 12 and 24 word phrases', () => {
    expect(parseMnemonic(generateMnemonic(12)).split(' ')).toHaveLength(12);
    expect(parseMnemonic(generateMnemonic(24)).split(' ')).toHaveLength(24);
    expect(generateMnemonic()).not.toBe(generateMnemonic());
  });

  it('normalizes spacing and case', () => {
    expect(parseMnemonic(`  TEST test\n test test test test test test test test test   junk `)).toBe(ANVIL);
  });

  it('names the unknown word and its position', () => {
    const e = problemOf(ANVIL.replace('junk', 'junq'));
    expect(e.problem).toBe('unknown_word');
    expect(e.details).toMatchObject({ word: 'junq', position: 12 });
    expect(e.message).toContain('"junq"');
    expect(e.message).toContain('Word 12');
  });

  it('reports a bad checksum', () => {
    const e = problemOf('test test test test test test test test test test test test');
    expect(e.problem).toBe('checksum');
  });

  it('reports a wrong word count', () => {
    const e = problemOf('test test test');
    expect(e.problem).toBe('word_count');
    expect(e.details).toMatchObject({ count: 3 });
    expect(problemOf('').problem).toBe('word_count');
  });
});
