import { useId } from 'react';
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from './passwordPolicy';

export type PasswordFieldsProps = {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  problem: PasswordProblem | null;
  showProblem: boolean;
};

/** Password + confirmation with the policy shown up front. */
export function PasswordFields({ password, confirm, onPassword, onConfirm, problem, showProblem }: PasswordFieldsProps) {
  const id = useId();
  const passwordError = showProblem && problem?.field === 'password' ? problem.message : null;
  const confirmError = showProblem && problem?.field === 'confirm' ? problem.message : null;
  return (
    <div className="stack-sm">
      <div className="field">
        <label htmlFor={`${id}-p`}>New password</label>
        <span className="hint" id={`${id}-policy`}>
          At least {MIN_PASSWORD_LENGTH} characters; common or trivial passwords are refused. It unlocks the wallet on this device only.
        </span>
        <input
          id={`${id}-p`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          aria-describedby={`${id}-policy`}
          aria-invalid={passwordError ? true : undefined}
          data-testid="password-input"
        />
        {passwordError && (
          <span className="error" role="alert">
            {passwordError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>Confirm password</label>
        <input
          id={`${id}-c`}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          aria-invalid={confirmError ? true : undefined}
          data-testid="password-confirm-input"
        />
        {confirmError && (
          <span className="error" role="alert">
            {confirmError}
          </span>
        )}
      </div>
    </div>
  );
}
