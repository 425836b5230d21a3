import { defineMessage } from './defineMessage';
import { readEmpty } from './validation';

export type ConnectedSite = { origin: string; accounts: `0x${string}`[]; chainId: number; connectedAt: number };

export const sitesList = defineMessage<Record<string, never>, ConnectedSite[]>()({
  type: 'sites/list',
  validate: readEmpty,
});
