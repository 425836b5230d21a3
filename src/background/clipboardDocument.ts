import { browser } from 'wxt/browser';
import { clipboardFingerprint } from '../messages/clipboardClearLater';

/** Marks the worker → offscreen document request; every other runtime message is not ours to answer. */
export const OFFSCREEN_CLIPBOARD_TARGET = 'era-offscreen-clipboard';
const OFFSCREEN_PATH = '/offscreen.html';
const READ_TIMEOUT_MS = 1_000;

type OffscreenApi = {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};

/** Reads the clipboard text, or `undefined` when this context may not (no clipboardRead permission). */
async function readClipboard(doc: Document): Promise<string | undefined> {
  try {
    // Bounded: without clipboardRead, Firefox may hold readText open for a paste prompt no one will see.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('clipboard read timed out')), READ_TIMEOUT_MS));
    return await Promise.race([navigator.clipboard.readText(), timeout]);
  } catch {
    // Unfocused documents (offscreen) cannot use the async API; execCommand('paste') needs clipboardRead.
  }
  let text: string | undefined;
  const onPaste = (e: ClipboardEvent) => {
    text = e.clipboardData?.getData('text/plain');
    e.preventDefault();
  };
  doc.addEventListener('paste', onPaste);
  try {
    return doc.execCommand('paste') ? (text ?? '') : undefined;
  } finally {
    doc.removeEventListener('paste', onPaste);
  }
}

async function writeEmpty(doc: Document): Promise<void> {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', '');
    e.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    // The copy-event route works without focus (offscreen, event page) under the clipboardWrite permission.
    if (doc.execCommand('copy')) return;
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
  await navigator.clipboard.writeText('');
}

/**
 * Empties the clipboard if it still holds the text with `fingerprint`. The wallet does not ask for the
 * clipboardRead permission (an install warning), so where the clipboard cannot be read it is cleared
 * unconditionally: a wiped clipboard is a lesser harm than a recovery phrase left in it.
 */
export async function clearClipboardInDocument(doc: Document, fingerprint: string): Promise<'cleared' | 'kept'> {
  const current = await readClipboard(doc);
  if (current !== undefined && clipboardFingerprint(current) !== fingerprint) return 'kept';
  await writeEmpty(doc);
  return 'cleared';
}

let offscreenBusy: Promise<void> = Promise.resolve();

async function clearThroughOffscreen(offscreen: OffscreenApi, fingerprint: string): Promise<void> {
  try {
    await offscreen.createDocument({
      url: browser.runtime.getURL(OFFSCREEN_PATH as '/popup.html'),
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied recovery phrase from the clipboard.',
    });
  } catch {
    // Already open (only one offscreen document may exist); reuse it.
  }
  try {
    await browser.runtime.sendMessage({ target: OFFSCREEN_CLIPBOARD_TARGET, fingerprint });
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

/**
 * The platform's clipboard clear. Chrome's service worker has no DOM or clipboard, so it goes through
 * an offscreen document; Firefox's MV3 background is an event page with a DOM and does it directly.
 */
export function clearClipboardFromBackground(fingerprint: string): Promise<void> {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (!offscreen) return clearClipboardInDocument(document, fingerprint).then(() => undefined);
  const run = offscreenBusy.then(() => clearThroughOffscreen(offscreen, fingerprint));
  offscreenBusy = run.catch(() => undefined);
  return run;
}

/** Boots the offscreen document: answers only clear requests from this extension's worker. */
export function serveOffscreenClipboard(): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: { id?: string }, respond: (r: unknown) => void) => {
    const m = message as { target?: unknown; fingerprint?: unknown } | null;
    if (sender.id !== browser.runtime.id || m?.target !== OFFSCREEN_CLIPBOARD_TARGET || typeof m.fingerprint !== 'string') return false;
    clearClipboardInDocument(document, m.fingerprint).then(
      (outcome) => respond({ outcome }),
      () => respond({ outcome: 'failed' }),
    );
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
