import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Address } from 'viem';
import type { DevnetFramework } from './registry.js';

export const DEFAULT_MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '.devnet', 'manifest.json');

export type ManifestChain = {
  chainId: number;
  name: string;
  framework: DevnetFramework;
  /** What clients should use (a Metalayer fault proxy when one is in front of the chain). */
  rpcUrl: string;
  /** The anvil itself, never proxied. */
  directRpcUrl: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  tokens: Record<string, Address>;
  contracts: Record<string, Address>;
  mailbox?: Address;
  merkleTreeHook?: Address;
  ism?: Address;
  testRecipient?: Address;
};

/** .devnet/manifest.json: everything a test or `npm start` needs to reach a running devnet. */
export type DevnetManifest = {
  metalayerApi: string;
  dappUrl: string;
  dappUrl2: string;
  wagmiDappUrl: string;
  networkId: number;
  genesisGuardianSetHash: string | null;
  epochMs: number;
  seed: string;
  mnemonic: string;
  metalayer: boolean;
  /** GuardianStaking on L1 (with the Metalayer). */
  staking: { chainId: number; address: Address; era: Address } | null;
  /** Pids of the anvil processes, so a test can check that stop() left none running. */
  pids: number[];
  chains: ManifestChain[];
};

export function writeManifest(path: string, manifest: DevnetManifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, path);
}

/** Deletes the manifest only if it still describes these anvils (another devnet may have replaced it). */
export function removeManifestIfOurs(path: string, pids: readonly number[]): void {
  try {
    const current = JSON.parse(readFileSync(path, 'utf8')) as { pids?: number[] };
    if (JSON.stringify(current.pids) === JSON.stringify(pids)) rmSync(path, { force: true });
  } catch {
    // missing or unreadable: nothing of ours to remove
  }
}
