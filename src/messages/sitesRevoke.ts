import { defineMessage } from './defineMessage';
import { MessageError } from './MessageError';
import { readObject, readString } from './validation';

/** Removes the site's permissions; its open tabs get accountsChanged([]). */
export type SitesRevokeInput = { origin: string };

export const sitesRevoke = defineMessage<SitesRevokeInput, null>()({
  type: 'sites/revoke',
  validate: (input) => {
    const origin = readString(readObject(input), 'origin', { maxLength: 2048 });
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new MessageError('INVALID_INPUT', 'origin must be a URL origin', { details: { field: 'origin' } });
    }
    if (parsed.origin !== origin) throw new MessageError('INVALID_INPUT', 'origin must be a URL origin', { details: { field: 'origin' } });
    return { origin };
  },
});
