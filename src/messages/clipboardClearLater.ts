import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { defineMessage } from './defineMessage';
import { MessageError } from './MessageError';
import { readInteger, readObject, readString } from './validation';

export const CLIPBOARD_CLEAR_DEFAULT_MS = 45_000;
/** The foundation issue requires the clipboard cleared within a minute. */
export const CLIPBOARD_CLEAR_MAX_MS = 60_000;

/**
 * Asks the background to clear the clipboard later if it still holds the copied secret. Only a
 * fingerprint travels: the secret itself never enters the message channel.
 */
export type ClipboardClearLaterInput = { afterMs: number; fingerprint: string };

/** SHA-256 hex of the copied text: enough to recognise it in the clipboard, useless to recover it. */
export function clipboardFingerprint(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export const clipboardClearLater = defineMessage<ClipboardClearLaterInput, null>()({
  type: 'clipboard/clearLater',
  validate: (input) => {
    const obj = readObject(input);
    const fingerprint = readString(obj, 'fingerprint', { maxLength: 64 });
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
      throw new MessageError('INVALID_INPUT', 'fingerprint must be a lowercase SHA-256 hex digest', { details: { field: 'fingerprint' } });
    }
    const afterMs = obj.afterMs === undefined ? CLIPBOARD_CLEAR_DEFAULT_MS : readInteger(obj, 'afterMs', 0, CLIPBOARD_CLEAR_MAX_MS);
    return { afterMs, fingerprint };
  },
});
