import { describe, expect, it } from 'vitest';
import { checkPassword } from './passwordPolicy';

describe('checkPassword', () => {
  it('accepts a reasonable password that matches', () => {
    expect(checkPassword('correct horse', 'correct horse')).toBeNull();
  });
  it('refuses short, trivial and repeated passwords', () => {
    expect(checkPassword('short', 'short')?.field).toBe('password');
    expect(checkPassword('password', 'password')?.message).toMatch(/too easy/);
    expect(checkPassword('aaaaaaaaaa', 'aaaaaaaaaa')?.message).toMatch(/too easy/);
    expect(checkPassword('abcdefghij', 'abcdefghij')?.message).toMatch(/too easy/);
    expect(checkPassword('987654321', '987654321')?.message).toMatch(/too easy/);
  });
  it('reports a confirmation mismatch', () => {
    expect(checkPassword('correct horse', 'correct hose')).toEqual({ field: 'confirm', message: 'The passwords do not match.' });
  });
});
