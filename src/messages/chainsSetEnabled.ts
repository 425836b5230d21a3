import { defineMessage } from './defineMessage';
import { readBoolean, readInteger, readObject } from './validation';

/** Switches one wallet chain on or off; a disabled chain is not probed, not read and not in the totals. */
export type ChainsSetEnabledInput = { chainId: number; enabled: boolean };

export const chainsSetEnabled = defineMessage<ChainsSetEnabledInput, null>()({
  type: 'chains/setEnabled',
  validate: (input) => {
    const obj = readObject(input);
    return { chainId: readInteger(obj, 'chainId', 1, Number.MAX_SAFE_INTEGER), enabled: readBoolean(obj, 'enabled') };
  },
});
