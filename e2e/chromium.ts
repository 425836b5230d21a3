import { findChromium, INSTALL_HINT } from '../scripts/chromium.mjs';

/** Chromium for the suite and benches (lookup order in scripts/chromium.mjs); one clear line when absent. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
