import { PREFERRED_API_PORT } from './api/server.js';
import { measureDevnetMemory } from './memory.js';
import type { Devnet } from './network.js';

/** The human-readable picture of a running devnet that the CLIs print. */
export function describeDevnet(devnet: Devnet): string {
  const m = devnet.manifest;
  const memory = measureDevnetMemory(m.pids);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const lines = [
    '',
    'ERA devnet is running',
    '',
    'Chains:',
    ...m.chains.map((c) => `  ${String(c.chainId).padEnd(4)} ${c.name.padEnd(24)} ${c.framework.padEnd(15)} ${c.rpcUrl}`),
    '',
    `Devnet API:   ${m.metalayerApi}    (GET /v1/network, POST /v1/faucet)`,
    ...(new URL(m.metalayerApi).port === String(PREFERRED_API_PORT)
      ? []
      : [`              port ${PREFERRED_API_PORT} was taken: set the wallet's devnet API (Settings) to ${m.metalayerApi}`]),
    `Test dApp:    ${m.dappUrl}`,
    `Second site:  ${m.dappUrl2}`,
    `wagmi dApp:   ${m.wagmiDappUrl}`,
    `Metalayer:    ${m.metalayer ? `network ${m.networkId}, genesis guardian set ${m.genesisGuardianSetHash}` : 'not running'}`,
    `Mnemonic:     ${m.mnemonic}   (10 funded accounts on every chain)`,
    `Manifest:     ${devnet.manifestPath ?? '(not written)'}`,
    `Started in:   ${devnet.startedInMs} ms; memory: anvils ${mb(memory.anvilTotalBytes)} (${m.pids.length} chains), node ${mb(memory.nodeRssBytes)}`,
    '',
  ];
  return lines.join('\n');
}
