import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './design/tokens.css';
import './design/components.css';

/** Boots one extension page: the design system's styles, then the app into #root. */
export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from the page');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
