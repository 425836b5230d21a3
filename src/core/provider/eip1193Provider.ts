import { ProviderRpcError } from '../rpc/errors';

/** Frames exchanged with the content script (same shapes as src/messages/provider.ts). */
export type ProviderRequestFrame = { kind: 'request'; id: number; method: string; params?: unknown };
export type ProviderInboundFrame =
  | { kind: 'response'; id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } }
  | { kind: 'event'; event: string; data: unknown };

export type ProviderTransport = {
  send(frame: ProviderRequestFrame): void;
  /** Registers the single inbound-frame listener. */
  listen(onFrame: (frame: unknown) => void): void;
};

type Listener = (...args: unknown[]) => void;

export type RequestArguments = { method: string; params?: readonly unknown[] | object };

/**
 * The EIP-1193 provider pages see as window.ethereum / via EIP-6963. It holds no wallet state
 * beyond the last chain id and accounts it was told; every answer comes from the background.
 */
export class EraWalletProvider {
  readonly isEraWallet = true;
  #transport: ProviderTransport;
  #nextId = 1;
  #pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  #listeners = new Map<string, Set<Listener>>();
  #chainId: string | null = null;
  #accounts: string[] = [];
  #connected = false;

  constructor(transport: ProviderTransport) {
    this.#transport = transport;
    transport.listen((frame) => this.#onFrame(frame));
  }

  get chainId(): string | null {
    return this.#chainId;
  }
  get selectedAddress(): string | null {
    return this.#accounts[0] ?? null;
  }
  isConnected(): boolean {
    return this.#connected;
  }

  request(args: RequestArguments): Promise<unknown> {
    if (typeof args !== 'object' || args === null || typeof args.method !== 'string' || args.method.length === 0) {
      return Promise.reject(new ProviderRpcError(-32600, 'Invalid request: expected { method: string, params? }'));
    }
    if (args.params !== undefined && (typeof args.params !== 'object' || args.params === null)) {
      return Promise.reject(new ProviderRpcError(-32600, 'Invalid request: params must be an array or object'));
    }
    const id = this.#nextId++;
    const frame: ProviderRequestFrame = { kind: 'request', id, method: args.method };
    if (args.params !== undefined) frame.params = args.params;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#transport.send(frame);
      } catch (cause) {
        this.#pending.delete(id);
        reject(new ProviderRpcError(-32600, 'Invalid request: params must be cloneable', { cause }));
      }
    }).then((result) => {
      if (args.method === 'eth_requestAccounts' || args.method === 'eth_accounts') this.#setAccounts(result as string[], false);
      // The wallet is only contacted once the page uses the provider (pages that never do stay
      // unknown to it); `connect` fires with the chain after the first answer.
      if (!this.#connected) {
        if (args.method === 'eth_chainId' && typeof result === 'string') this.#setConnected(result);
        else this.request({ method: 'eth_chainId' }).catch(() => undefined);
      }
      return result;
    });
  }

  /** Legacy alias some dApps still call. */
  enable(): Promise<unknown> {
    return this.request({ method: 'eth_requestAccounts' });
  }

  on(event: string, listener: Listener): this {
    if (typeof listener !== 'function') return this;
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }
  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...a) => {
      this.removeListener(event, wrapped);
      listener(...a);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }
  removeAllListeners(event?: string): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }
  listenerCount(event: string): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  #emit(event: string, ...args: unknown[]) {
    for (const l of [...(this.#listeners.get(event) ?? [])]) {
      try {
        l(...args);
      } catch (e) {
        // A dApp listener's error must not break the provider or other listeners.
        setTimeout(() => {
          throw e;
        });
      }
    }
  }

  #setConnected(chainId: string) {
    const changed = this.#chainId !== null && this.#chainId !== chainId;
    this.#chainId = chainId;
    if (!this.#connected) {
      this.#connected = true;
      this.#emit('connect', { chainId });
    } else if (changed) {
      this.#emit('chainChanged', chainId);
    }
  }

  #setAccounts(accounts: string[], emit: boolean) {
    if (!Array.isArray(accounts)) return;
    const changed = accounts.join() !== this.#accounts.join();
    this.#accounts = [...accounts];
    if (changed && emit) this.#emit('accountsChanged', [...accounts]);
  }

  #onFrame(frame: unknown) {
    if (typeof frame !== 'object' || frame === null) return;
    const f = frame as ProviderInboundFrame;
    if (f.kind === 'response' && typeof f.id === 'number') {
      const p = this.#pending.get(f.id);
      if (!p) return;
      this.#pending.delete(f.id);
      if (f.error) p.reject(new ProviderRpcError(f.error.code, f.error.message, f.error.data === undefined ? {} : { data: f.error.data }));
      else p.resolve(f.result ?? null);
      return;
    }
    if (f.kind !== 'event') return;
    switch (f.event) {
      case 'accountsChanged':
        this.#setAccounts(f.data as string[], true);
        break;
      case 'chainChanged':
        if (typeof f.data === 'string' && f.data !== this.#chainId) {
          this.#chainId = f.data;
          this.#emit('chainChanged', f.data);
        }
        break;
      case 'connect': {
        const chainId = (f.data as { chainId?: unknown } | null)?.chainId;
        if (typeof chainId === 'string' && !this.#connected) this.#setConnected(chainId);
        break;
      }
      case 'disconnect':
        if (this.#connected) {
          this.#connected = false;
          const d = f.data as { code?: number; message?: string } | null;
          this.#emit('disconnect', new ProviderRpcError(d?.code ?? 4900, d?.message ?? 'Disconnected'));
        }
        break;
    }
  }
}
