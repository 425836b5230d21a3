import type { Address } from 'viem';
import type { RegistryChain } from '../registry.js';
import type { DevnetApiRouter } from './router.js';

/** A devnet.json chain entry plus where to reach it now (and its Hyperlane contracts when deployed). */
export type RegistryEntry = RegistryChain & {
  rpcUrl: string;
  mailbox?: Address;
  merkleTreeHook?: Address;
  ism?: Address;
  testRecipient?: Address;
};

export type NetworkInfo = {
  networkId: number;
  genesisGuardianSetHash: string | null;
  epochMs: number;
  rollups: RegistryEntry[];
};

/** GET /v1/network: how the extension discovers the devnet at run time. Reads the state live. */
export function routeNetwork(router: DevnetApiRouter, info: () => NetworkInfo): void {
  router.route('GET', '/v1/network', () => info());
}
