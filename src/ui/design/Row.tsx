import type { ReactNode } from 'react';

export type RowProps = {
  label: ReactNode;
  sub?: ReactNode;
  value?: ReactNode;
  leading?: ReactNode;
  onClick?: () => void;
  testId?: string;
  ariaLabel?: string;
  /** Value on its own line under the label (for whole addresses, hashes, URLs). */
  stacked?: boolean;
};

/** One line of a list: label (and sub-line) on the left, value on the right; a button when clickable. */
export function Row({ label, sub, value, leading, onClick, testId, ariaLabel, stacked }: RowProps) {
  const cls = stacked ? 'row row-stacked' : 'row';
  const body = (
    <>
      {leading}
      <div className="row-label">
        <div>{label}</div>
        {sub && <div className="row-sub">{sub}</div>}
      </div>
      {value !== undefined && <div className="row-value">{value}</div>}
    </>
  );
  return onClick ? (
    <button type="button" className={cls} onClick={onClick} data-testid={testId} aria-label={ariaLabel}>
      {body}
    </button>
  ) : (
    <div className={cls} data-testid={testId}>
      {body}
    </div>
  );
}
