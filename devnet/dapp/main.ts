import {
  createPublicClient,
  decodeEventLog,
  encodeFunctionData,
  erc20Abi,
  formatUnits,
  http,
  pad,
  parseEther,
  parseAbi,
  stringToHex,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { discoverWallets, type Eip1193Provider, type Eip6963ProviderDetail } from './eip6963.js';
import { appendLog, logged } from './log.js';
import type { DappConfig } from './server.js';
import { mailTypedData } from './mailTypedData.js';

const mailboxAbi = parseAbi([
  'function dispatch(uint32 destinationDomain, bytes32 recipientAddress, bytes messageBody) payable returns (bytes32)',
  'function quoteDispatch(uint32 destinationDomain, bytes32 recipientAddress, bytes messageBody) view returns (uint256)',
  'function delivered(bytes32 messageId) view returns (bool)',
  'event DispatchId(bytes32 indexed messageId)',
]);

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id).value.trim();

let config: DappConfig | undefined;
let provider: Eip1193Provider | undefined;
let accounts: string[] = [];
let chainIdHex: string | undefined;
const wallets: Eip6963ProviderDetail[] = [];

function showAccounts(next: unknown): void {
  accounts = Array.isArray(next) ? next.map(String) : [];
  $('accounts').textContent = accounts.join(',');
}

function showChain(next: unknown): void {
  chainIdHex = typeof next === 'string' ? next : undefined;
  const el = $('chain-id');
  el.textContent = chainIdHex ? String(Number(chainIdHex)) : '';
  el.dataset.hex = chainIdHex ?? '';
}

function select(detail: Eip6963ProviderDetail): void {
  provider = detail.provider;
  $('selected-wallet').textContent = `${detail.info.name} (${detail.info.rdns})`;
  provider.on?.('accountsChanged', (a) => {
    showAccounts(a);
    appendLog({ action: 'event:accountsChanged', result: a });
    void refreshBalances().catch(() => undefined);
  });
  provider.on?.('chainChanged', (c) => {
    showChain(c);
    appendLog({ action: 'event:chainChanged', result: c });
  });
  provider.on?.('disconnect', (e) => appendLog({ action: 'event:disconnect', result: e ?? null }));
  // Reads that need no permission: fill the live fields without prompting.
  void provider.request({ method: 'eth_chainId' }).then(showChain, () => {});
  void provider.request({ method: 'eth_accounts' }).then(showAccounts, () => {});
}

function renderWallets(): void {
  const list = $('wallets');
  list.replaceChildren(
    ...wallets.map((w) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.dataset.testid = 'dapp-wallet';
      button.dataset.rdns = w.info.rdns;
      button.textContent = `Use ${w.info.name} (${w.info.rdns})`;
      button.onclick = () => select(w);
      if (w.info.icon?.startsWith('data:image/')) {
        const img = document.createElement('img');
        img.src = w.info.icon;
        img.width = img.height = 16;
        li.append(img, ' ');
      }
      li.append(button);
      return li;
    }),
  );
}

function wallet(): Eip1193Provider {
  if (!provider) throw Object.assign(new Error('no EIP-6963 wallet announced'), { code: 'NO_WALLET' });
  return provider;
}

const request = (method: string, params?: unknown[]) => wallet().request(params ? { method, params } : { method });

function chainConfig(chainId: number) {
  const chain = config?.chains.find((c) => c.chainId === chainId);
  if (!chain) throw Object.assign(new Error(`chain ${chainId} is not in the devnet config`), { code: 'UNKNOWN_CHAIN' });
  return chain;
}

function currentChainId(): number {
  if (!chainIdHex) throw Object.assign(new Error('chain id unknown: connect first'), { code: 'NO_CHAIN' });
  return Number(chainIdHex);
}

function from(): string {
  const account = accounts[0];
  if (!account) throw Object.assign(new Error('not connected: press Connect first'), { code: 'NOT_CONNECTED' });
  return account;
}

const actions: Record<string, [string, () => Promise<unknown>]> = {
  connect: ['eth_requestAccounts', async () => {
    const result = await request('eth_requestAccounts');
    showAccounts(result);
    showChain(await request('eth_chainId'));
    return result;
  }],
  'get-accounts': ['eth_accounts', async () => {
    const result = await request('eth_accounts');
    showAccounts(result);
    return result;
  }],
  'get-chain-id': ['eth_chainId', async () => {
    const result = await request('eth_chainId');
    showChain(result);
    return result;
  }],
  revoke: ['wallet_revokePermissions', async () => {
    const result = await request('wallet_revokePermissions', [{ eth_accounts: {} }]);
    showAccounts(await request('eth_accounts').catch(() => []));
    return result;
  }],
  'personal-sign': ['personal_sign', () => request('personal_sign', [stringToHex(input('message')), from()])],
  'sign-typed': ['eth_signTypedData_v4', async () => {
    const account = from();
    return request('eth_signTypedData_v4', [account, JSON.stringify(mailTypedData(currentChainId()))]);
  }],
  'send-tx': ['eth_sendTransaction', () =>
    request('eth_sendTransaction', [{ from: from(), to: input('tx-to'), value: toHex(parseEther(input('tx-value') || '0')) }])],
  'switch-chain': ['wallet_switchEthereumChain', () =>
    request('wallet_switchEthereumChain', [{ chainId: toHex(Number(input('target-chain'))) }])],
  'add-chain': ['wallet_addEthereumChain', async () => {
    const chainId = Number(input('target-chain'));
    const chain = chainConfig(chainId);
    return request('wallet_addEthereumChain', [
      { chainId: toHex(chainId), chainName: chain.name, nativeCurrency: chain.nativeCurrency, rpcUrls: [chain.rpcUrl] },
    ]);
  }],
  'watch-asset': ['wallet_watchAsset', async () => {
    const symbol = input('token').toUpperCase();
    const chain = chainConfig(currentChainId());
    const token = chain.tokens.find((t) => t.symbol === symbol);
    if (!token) throw Object.assign(new Error(`${symbol} is not on chain ${chain.chainId}`), { code: 'UNKNOWN_TOKEN' });
    return wallet().request({ method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: token.address, symbol, decimals: token.decimals } } });
  }],
  'refresh-balances': ['balances', () => refreshBalances()],
  'hl-send': ['hyperlane_send', () => sendHyperlaneMessage()],
};

/** Balances on every devnet chain, read by the dApp itself (one viem client per rollup, one multicall per chain). */
async function refreshBalances(): Promise<Record<string, Record<string, string>>> {
  if (!config) throw new Error('config not loaded');
  const account = (accounts[0] ?? '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266') as Address;
  const out: Record<string, Record<string, string>> = {};
  const rows = await Promise.all(
    config.chains.map(async (chain) => {
      const client = createPublicClient({ transport: http(chain.rpcUrl), chain: { id: chain.chainId, name: chain.name, nativeCurrency: chain.nativeCurrency, rpcUrls: { default: { http: [chain.rpcUrl] } }, contracts: { multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11' } } } });
      const [native, tokens] = await Promise.all([
        client.getBalance({ address: account }),
        client.multicall({ contracts: chain.tokens.map((t) => ({ address: t.address as Address, abi: erc20Abi, functionName: 'balanceOf', args: [account] }) as const), allowFailure: true }),
      ]);
      const balances: Record<string, string> = { [chain.nativeCurrency.symbol + ' (native)']: formatUnits(native, chain.nativeCurrency.decimals) };
      chain.tokens.forEach((t, i) => {
        const r = tokens[i];
        balances[t.symbol] = r?.status === 'success' ? formatUnits(r.result as bigint, t.decimals) : 'error';
      });
      out[String(chain.chainId)] = balances;
      return { chain, balances };
    }),
  );
  const body = $('balances').querySelector('tbody')!;
  body.replaceChildren(
    ...rows.map(({ chain, balances }) => {
      const tr = document.createElement('tr');
      tr.dataset.testid = `dapp-balance-${chain.chainId}`;
      const [nativeLabel, ...tokenLabels] = Object.keys(balances);
      tr.innerHTML = '<td></td><td></td><td></td>';
      tr.children[0]!.textContent = `${chain.chainId} ${chain.name}`;
      tr.children[1]!.textContent = `${balances[nativeLabel!]} ${chain.nativeCurrency.symbol}`;
      tr.children[2]!.textContent = tokenLabels.map((s) => `${balances[s]} ${s}`).join(' · ');
      return tr;
    }),
  );
  return out;
}

/** Sends a Hyperlane message through the wallet on the origin rollup and waits for its delivery on the destination. */
async function sendHyperlaneMessage(): Promise<{ messageId: Hex; origin: number; destination: number; delivered: boolean }> {
  const origin = chainConfig(Number(input('hl-origin')));
  const destination = chainConfig(Number(input('hl-destination')));
  if (!origin.mailbox || !destination.mailbox || !destination.testRecipient)
    throw Object.assign(new Error('Hyperlane is not deployed on this devnet (start the full devnet)'), { code: 'NO_HYPERLANE' });
  const status = $('hl-status');
  if (currentChainId() !== origin.chainId) {
    await request('wallet_switchEthereumChain', [{ chainId: toHex(origin.chainId) }]);
    showChain(toHex(origin.chainId));
  }
  const args = [destination.chainId, pad(destination.testRecipient as Hex, { size: 32 }), stringToHex(input('hl-body'))] as const;
  const originClient = createPublicClient({ transport: http(origin.rpcUrl) });
  const fee = await originClient.readContract({ address: origin.mailbox as Address, abi: mailboxAbi, functionName: 'quoteDispatch', args });
  status.textContent = 'waiting for the wallet…';
  const hash = (await request('eth_sendTransaction', [
    { from: from(), to: origin.mailbox, data: encodeFunctionData({ abi: mailboxAbi, functionName: 'dispatch', args }), value: toHex(fee) },
  ])) as Hex;
  const receipt = await originClient.waitForTransactionReceipt({ hash, pollingInterval: 250 });
  let messageId: Hex | undefined;
  for (const l of receipt.logs) {
    try {
      const event = decodeEventLog({ abi: mailboxAbi, data: l.data, topics: l.topics });
      if (event.eventName === 'DispatchId') messageId = event.args.messageId;
    } catch {
      // other contracts' events
    }
  }
  if (!messageId) throw new Error('no DispatchId event in the receipt');
  status.textContent = `dispatched ${messageId}, waiting for delivery on ${destination.chainId}…`;
  const destinationClient = createPublicClient({ transport: http(destination.rpcUrl) });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const delivered = await destinationClient.readContract({ address: destination.mailbox as Address, abi: mailboxAbi, functionName: 'delivered', args: [messageId] });
    if (delivered) {
      status.textContent = `delivered ${messageId} on ${destination.chainId}`;
      status.dataset.state = 'delivered';
      return { messageId, origin: origin.chainId, destination: destination.chainId, delivered: true };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  status.textContent = `not delivered after 60 s: ${messageId}`;
  status.dataset.state = 'timeout';
  return { messageId, origin: origin.chainId, destination: destination.chainId, delivered: false };
}

for (const [id, [action, run]] of Object.entries(actions)) {
  $(id).addEventListener('click', () => void logged(action, run));
}

discoverWallets((detail) => {
  wallets.push(detail);
  renderWallets();
  appendLog({ action: 'eip6963:announceProvider', result: detail.info });
  if (!provider) select(detail);
});

void fetch('/config.json')
  .then((r) => r.json() as Promise<DappConfig>)
  .then((c) => {
    config = c;
    return refreshBalances().catch(() => undefined);
  });
