import { useCallback, useEffect, useRef, type ReactNode } from 'react';

/**
 * A scrolling region that reports once its end has been seen. Content that fits without scrolling
 * counts as seen at once; long content must be scrolled to the end (the sign button waits for it).
 */
export function ScrollGate({ children, onEnd, className }: { children: ReactNode; onEnd: () => void; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const check = useCallback(() => {
    const el = ref.current;
    if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - 4) onEnd();
  }, [onEnd]);
  useEffect(() => {
    check();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [check]);
  return (
    <div ref={ref} className={className} onScroll={check} tabIndex={0} data-testid="approval-scroll" aria-label="Request details">
      {children}
    </div>
  );
}
