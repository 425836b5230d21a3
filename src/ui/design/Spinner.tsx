import type { CSSProperties } from 'react';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role={label ? 'status' : undefined} aria-label={label || undefined} />;
}

export function Skeleton({ width = '100%', height = 16, style }: { width?: number | string; height?: number; style?: CSSProperties }) {
  return <span className="skeleton" aria-hidden="true" style={{ width, height, ...style }} />;
}

/** An indeterminate progress bar for waits whose length is unknown (the KDF, a transaction). */
export function Progress({ label }: { label: string }) {
  return (
    <div className="stack-sm" role="status" aria-live="polite">
      <div className="progress" aria-hidden="true">
        <span />
      </div>
      <span className="small muted">{label}</span>
    </div>
  );
}
