import { WeakPasswordError } from './errors';

export const MIN_PASSWORD_LENGTH = 8;

/** Passwords found at the top of every leaked-password list; refused whatever their length. */
const COMMON_PASSWORDS = new Set([
  '12345678', '123456789', '1234567890', '87654321', 'password', 'password1', 'password123', 'passw0rd',
  'qwertyui', 'qwertyuiop', 'qwerty123', 'iloveyou', 'sunshine', 'princess', 'football', 'baseball',
  'abc12345', 'abcdefgh', 'letmein1', 'welcome1', 'admin123', 'trustno1', 'asdfghjk', 'zxcvbnm1',
  'ethereum', 'metamask', 'bitcoin1', 'wallet123', 'changeme', 'superman', 'starwars', 'whatever',
]);

/** Every character the same, or an ascending/descending run like "abcdefgh" / "98765432". */
function isTrivialPattern(pw: string): boolean {
  if (new Set(pw).size === 1) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < pw.length; i++) {
    const d = pw.charCodeAt(i) - pw.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down;
}

/** Throws WeakPasswordError naming why the password is refused. */
export function assertPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`Password must be at least ${MIN_PASSWORD_LENGTH} characters`, {
      details: { reason: 'too_short', minLength: MIN_PASSWORD_LENGTH },
    });
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isTrivialPattern(lower)) {
    throw new WeakPasswordError('Password is too easy to guess', { details: { reason: 'common' } });
  }
}
