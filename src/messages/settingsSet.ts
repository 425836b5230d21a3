import { defineMessage } from './defineMessage';
import { MessageError } from './MessageError';
import { readHttpUrl, readInteger, readObject } from './validation';

/** autoLockMinutes in [1, 1440]; devnetApi an http(s) URL (trailing slashes dropped). */
export type SettingsSetInput = { autoLockMinutes?: number; devnetApi?: string };

export const settingsSet = defineMessage<SettingsSetInput, null>()({
  type: 'settings/set',
  validate: (input) => {
    const obj = readObject(input);
    const out: SettingsSetInput = {};
    if (obj.autoLockMinutes !== undefined) out.autoLockMinutes = readInteger(obj, 'autoLockMinutes', 1, 1440);
    if (obj.devnetApi !== undefined) out.devnetApi = readHttpUrl(obj, 'devnetApi');
    if (out.autoLockMinutes === undefined && out.devnetApi === undefined) {
      throw new MessageError('INVALID_INPUT', 'nothing to set: give autoLockMinutes or devnetApi');
    }
    return out;
  },
});
