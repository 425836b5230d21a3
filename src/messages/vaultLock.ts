import { defineMessage } from './defineMessage';
import { readEmpty } from './validation';

export const vaultLock = defineMessage<Record<string, never>, null>()({
  type: 'vault/lock',
  validate: readEmpty,
});
