import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'warn' | 'danger';

const icons: Record<BannerTone, string> = { info: 'i', warn: '!', danger: '!' };

/** A message block; danger banners use role=alert so assistive tech announces them at once. */
export function Banner({ tone = 'info', title, children, testId }: { tone?: BannerTone; title?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'info' ? 'status' : 'alert'} data-testid={testId}>
      <span className="banner-icon" aria-hidden="true">
        {icons[tone]}
      </span>
      <div className="stack-sm">
        {title && <div className="banner-title">{title}</div>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
