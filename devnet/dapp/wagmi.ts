import { connect, createConfig, disconnect, getConnection, getConnectors, http, injected, signMessage, watchConnection, watchConnectors, type Connector } from '@wagmi/core';
import { defineChain, type Chain } from 'viem';
import { appendLog, logged } from './log.js';
import type { DappConfig } from './server.js';

const $ = (id: string) => document.getElementById(id)!;

function devnetChains(config: DappConfig): [Chain, ...Chain[]] {
  const chains = config.chains.map((c) =>
    defineChain({
      id: c.chainId,
      name: c.name,
      nativeCurrency: c.nativeCurrency,
      rpcUrls: { default: { http: [c.rpcUrl] } },
      contracts: { multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11' } },
      testnet: true,
    }),
  );
  if (chains.length === 0) throw new Error('devnet config has no chains');
  return chains as unknown as [Chain, ...Chain[]];
}

/** EIP-6963 connectors (id = the wallet's rdns) come first; the generic injected one is the fallback. */
function pickConnector(connectors: readonly Connector[]): Connector {
  const announced = connectors.find((c) => c.id !== 'injected');
  const chosen = announced ?? connectors[0];
  if (!chosen) throw Object.assign(new Error('no wallet connector'), { code: 'NO_WALLET' });
  return chosen;
}

async function main(): Promise<void> {
  const devnet = (await (await fetch('/config.json')).json()) as DappConfig;
  const chains = devnetChains(devnet);
  const config = createConfig({
    chains,
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    transports: Object.fromEntries(chains.map((c) => [c.id, http(c.rpcUrls.default.http[0])])),
  });

  const renderConnectors = (connectors: readonly Connector[]) => {
    $('connectors').replaceChildren(
      ...connectors.map((c) => {
        const li = document.createElement('li');
        li.dataset.testid = 'dapp-wallet';
        li.dataset.rdns = c.id;
        li.textContent = `${c.name} (${c.id}, ${c.type})`;
        return li;
      }),
    );
  };
  renderConnectors(getConnectors(config));
  watchConnectors(config, { onChange: (connectors) => renderConnectors(connectors) });
  watchConnection(config, {
    onChange: (connection) => {
      $('accounts').textContent = (connection.addresses ?? []).join(',');
      $('chain-id').textContent = connection.chainId === undefined ? '' : String(connection.chainId);
      appendLog({ action: 'event:connection', result: { status: connection.status, addresses: connection.addresses ?? [], chainId: connection.chainId ?? null } });
    },
  });

  $('connect').addEventListener('click', () =>
    void logged('connect', async () => {
      const connector = pickConnector(getConnectors(config));
      const result = await connect(config, { connector });
      return { connector: connector.id, accounts: result.accounts, chainId: result.chainId };
    }),
  );
  $('sign-message').addEventListener('click', () =>
    void logged('signMessage', async () => {
      const account = getConnection(config).address;
      if (!account) throw Object.assign(new Error('not connected: press Connect first'), { code: 'NOT_CONNECTED' });
      return signMessage(config, { message: ($('message') as HTMLInputElement).value, account });
    }),
  );
  $('disconnect').addEventListener('click', () => void logged('disconnect', () => disconnect(config)));
}

void main().catch((error: unknown) => appendLog({ action: 'init', error: { code: null, message: error instanceof Error ? error.message : String(error) } }));
