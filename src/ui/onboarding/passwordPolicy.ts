export const MIN_PASSWORD_LENGTH = 8;

const trivial = new Set(['password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyui', 'qwerty123', 'iloveyou', 'letmein1', 'abcdefgh', 'abcd1234', '11111111', '00000000', 'passw0rd', 'welcome1', 'football', 'baseball', 'sunshine', 'princess']);

export type PasswordProblem = { field: 'password' | 'confirm'; message: string };

/** The onboarding password policy (shown to the user up front; the background enforces its own too). */
export function checkPassword(password: string, confirm: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { field: 'password', message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  const lower = password.toLowerCase();
  if (trivial.has(lower) || /^(.)\1+$/.test(password) || isSequence(lower)) {
    return { field: 'password', message: 'This password is too easy to guess. Pick something less common.' };
  }
  if (confirm !== password) return { field: 'confirm', message: 'The passwords do not match.' };
  return null;
}

function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.charCodeAt(0));
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === step);
}
