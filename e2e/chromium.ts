import { findChromium, INSTALL_HINT } from '../scripts/browsers.mjs';

/** Chromium for the suite and benches (lookup order in scripts/browsers.mjs); one clear line when absent. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
