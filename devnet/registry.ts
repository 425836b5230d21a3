import type { Address } from 'viem';
import devnetRegistry from '../src/core/chains/devnet.json' with { type: 'json' };

export type DevnetFramework = 'l1' | 'op-stack' | 'arbitrum-orbit' | 'zk-stack';

export type RegistryToken = { symbol: string; name: string; decimals: number; address: Address; balancesSlot: number };

/** One chain of src/core/chains/devnet.json (what the extension ships; no RPC URLs). */
export type RegistryChain = {
  chainId: number;
  name: string;
  framework: DevnetFramework;
  da: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  explorer: string | null;
  tokens: RegistryToken[];
  contracts: Record<string, Address>;
};

export type DevnetRegistry = {
  networkId: number;
  /** The pinned genesis guardian-set hash of the default devnet (seed "era-devnet", 5 guardians). */
  genesisGuardianSetHash: string;
  settlementChainId: number;
  deployer: Address;
  nativeTokenAddress: Address;
  chains: RegistryChain[];
};

export const registry = devnetRegistry as unknown as DevnetRegistry;

export const FULL_CHAIN_IDS = [900, 901, 902, 903, 904] as const;
/** The first-milestone devnet: the L1 and one rollup of each EVM-provable framework. */
export const MINIMAL_CHAIN_IDS = [900, 901, 902] as const;

export function registryChain(chainId: number): RegistryChain {
  const chain = registry.chains.find((c) => c.chainId === chainId);
  if (!chain) throw new Error(`chain ${chainId} is not in the devnet registry`);
  return chain;
}
