import { clipboardClearLater, clipboardFingerprint, CLIPBOARD_CLEAR_MAX_MS } from '../messages/clipboardClearLater';
import { send } from '../messages/client';

let pendingSecret: string | null = null;
let hideListener = false;

async function clearIfStill(text: string): Promise<void> {
  try {
    // Without the clipboardRead permission readText fails: clear anyway rather than leave a secret behind.
    const current = await navigator.clipboard.readText().catch(() => text);
    if (current === text) await navigator.clipboard.writeText('');
  } catch {
    // The page may be closing or unfocused; nothing else can be done from here.
  }
  if (pendingSecret === text) pendingSecret = null;
}

/**
 * Copies text; with `clearAfterMs` the clipboard is overwritten later if it still holds that text
 * (for secrets), and also as the page hides, since a closed popup's timers never fire.
 */
export async function copyText(text: string, clearAfterMs?: number): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (clearAfterMs === undefined) return;
  pendingSecret = text;
  if (!hideListener && typeof window !== 'undefined') {
    hideListener = true;
    window.addEventListener('pagehide', () => pendingSecret !== null && void clearIfStill(pendingSecret));
  }
  setTimeout(() => void clearIfStill(text), clearAfterMs);
  // A closed popup's timers never fire: the background clears it too, knowing only the fingerprint.
  const afterMs = Math.min(Math.max(0, Math.round(clearAfterMs)), CLIPBOARD_CLEAR_MAX_MS);
  await send(clipboardClearLater, { afterMs, fingerprint: clipboardFingerprint(text) }).catch(() => undefined);
}
