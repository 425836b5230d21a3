import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Chromium for the dApp suites: $ERA_CHROMIUM, then Debian's paths; undefined skips them. */
export const CHROMIUM = [process.env.ERA_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type Chains = { chainId: number; rpcUrl: string }[];

/**
 * Runs in the page before its scripts: an EIP-6963 wallet whose "keys" are anvil's unlocked test
 * accounts (it forwards to the chain's real RPC). It stands in for the extension so this suite
 * tests the dApp page alone; the extension itself is driven by the e2e suite.
 */
export function installAnvilWallet(chains: Chains): void {
  let chain = chains[1]!;
  let connected: string[] = [];
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((l) => l(value));
  const rpc = async (method: string, params: unknown[] = []) => {
    const response = await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
    if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
    return body.result;
  };
  const fail = (code: number, message: string) => Object.assign(new Error(message), { code });
  const provider = {
    async request({ method, params }: { method: string; params?: unknown }) {
      const list = Array.isArray(params) ? params : [];
      switch (method) {
        case 'eth_requestAccounts': {
          connected = [((await rpc('eth_accounts')) as string[])[0]!];
          emit('accountsChanged', connected);
          return connected;
        }
        case 'eth_accounts':
          return connected;
        case 'eth_chainId':
          return `0x${chain.chainId.toString(16)}`;
        case 'wallet_switchEthereumChain': {
          const id = Number((list[0] as { chainId: string }).chainId);
          const next = chains.find((c) => c.chainId === id);
          if (!next) throw fail(4902, `unrecognized chain ${id}`);
          chain = next;
          emit('chainChanged', `0x${id.toString(16)}`);
          return null;
        }
        case 'wallet_addEthereumChain':
          return null;
        case 'wallet_watchAsset':
          return true;
        case 'wallet_revokePermissions':
          connected = [];
          emit('accountsChanged', []);
          return null;
        case 'personal_sign':
        case 'eth_signTypedData_v4':
        case 'eth_sendTransaction':
          if (connected.length === 0) throw fail(4100, 'unauthorized');
          return rpc(method, list);
        default:
          throw fail(4200, `unsupported method ${method}`);
      }
    },
    on(event: string, listener: (v: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: (v: unknown) => void) {
      listeners.get(event)?.delete(listener);
    },
  };
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', {
        detail: Object.freeze({ info: { uuid: '6f2b8c1e-0000-4000-8000-000000000001', name: 'Anvil Test Wallet', icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', rdns: 'dev.anvil.testwallet' }, provider }),
      }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

export type LogLine = { action: string; result?: unknown; error?: { code: number | string | null; message: string } };

/** Runs `act` (a click) and returns the NEW log entry it produced for `action` (earlier entries never count). */
export async function logAfter(page: Page, action: string, act: () => Promise<void>): Promise<LogLine> {
  const entries = page.locator(`[data-testid="dapp-log-entry"][data-action="${action}"]`);
  const before = await entries.count();
  await act();
  await entries.nth(before).waitFor({ timeout: 15_000 });
  return JSON.parse((await entries.nth(before).textContent())!) as LogLine;
}

/** The last dApp log entry for an action, parsed (waits for one to exist). */
export async function lastLog(page: Page, action: string): Promise<LogLine> {
  const entry = page.locator(`[data-testid="dapp-log-entry"][data-action="${action}"]`).last();
  await entry.waitFor({ timeout: 15_000 });
  return JSON.parse((await entry.textContent())!) as LogLine;
}
