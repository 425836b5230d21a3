import type { Address } from 'viem';
import { dispatchRpc, type RpcContext } from '../core/rpc';
import { isRpcRequestFrame, PROVIDER_PORT_NAME, type ProviderEventFrame, type RpcResponseFrame } from '../messages/provider';
import type { PortLike, PortSender } from './platform';

/** What a connected page has last been told, so events are sent only when its view changes. */
type PageView = { accounts: Address[]; chainId: number; online: boolean };
type PageConnection = { port: PortLike; origin: string; key: string; view: PageView | null };

/** The page origin from the browser-provided sender (never from the page's own claims). */
export function originOfSender(sender: PortSender | undefined, extensionId: string): string | null {
  if (!sender || sender.id !== extensionId || sender.tab === undefined) return null;
  const raw = sender.origin ?? sender.url;
  if (!raw) return null;
  try {
    const origin = new URL(raw).origin;
    return origin === 'null' || !/^https?:$/.test(new URL(raw).protocol) ? null : origin;
  } catch {
    return null;
  }
}

const MAX_INFLIGHT_PER_PAGE = 64;

/**
 * dApp pages connect here through their content script. Each request is dispatched with an
 * RpcContext for the port's origin; accountsChanged/chainChanged/connect/disconnect go only to the
 * pages whose view changed.
 */
export function createProviderPorts(deps: {
  extensionId: string;
  buildContext(origin: string, requestKey: string): Promise<RpcContext>;
  /** What `eth_accounts`/`eth_chainId` currently answer for an origin, and whether its chain is up. */
  viewOf(origin: string): Promise<PageView>;
  pageGone(keyPrefix: string): Promise<void>;
  activity(): void;
}) {
  const pages = new Set<PageConnection>();

  const send = (page: PageConnection, frame: RpcResponseFrame | ProviderEventFrame) => {
    try {
      page.port.postMessage(frame);
    } catch {
      pages.delete(page);
    }
  };

  const syncPage = async (page: PageConnection) => {
    const next = await deps.viewOf(page.origin);
    const prev = page.view;
    page.view = next;
    if (!prev) return;
    if (prev.online !== next.online) {
      send(
        page,
        next.online
          ? { kind: 'event', event: 'connect', data: { chainId: `0x${next.chainId.toString(16)}` } }
          : { kind: 'event', event: 'disconnect', data: { code: 4901, message: `Chain ${next.chainId} is unreachable` } },
      );
    }
    if (prev.chainId !== next.chainId) send(page, { kind: 'event', event: 'chainChanged', data: `0x${next.chainId.toString(16)}` });
    if (prev.accounts.join() !== next.accounts.join()) send(page, { kind: 'event', event: 'accountsChanged', data: next.accounts });
  };

  return {
    connect(port: PortLike): boolean {
      if (port.name !== PROVIDER_PORT_NAME) return false;
      const origin = originOfSender(port.sender, deps.extensionId);
      if (!origin) {
        port.disconnect();
        return true;
      }
      // Stable for the document, so a request re-sent after a worker restart finds its queued approval.
      const key = `${origin}|${port.sender?.tab?.id ?? -1}|${port.sender?.documentId ?? port.sender?.frameId ?? 0}|`;
      const page: PageConnection = { port, origin, key, view: null };
      pages.add(page);
      void deps.viewOf(origin).then((v) => (page.view ??= v));
      let inflight = 0;
      port.onMessage.addListener((frame: unknown) => {
        if (!isRpcRequestFrame(frame)) return;
        if (inflight >= MAX_INFLIGHT_PER_PAGE) {
          send(page, { kind: 'response', id: frame.id, error: { code: -32005, message: 'Too many pending requests' } });
          return;
        }
        inflight++;
        deps.activity();
        void (async () => {
          try {
            const ctx = await deps.buildContext(origin, `${key}${frame.id}`);
            const response = await dispatchRpc(frame, ctx);
            send(page, { kind: 'response', id: frame.id, ...response });
          } catch {
            send(page, { kind: 'response', id: frame.id, error: { code: -32603, message: 'Internal error' } });
          } finally {
            inflight--;
          }
        })();
      });
      port.onDisconnect.addListener(() => {
        pages.delete(page);
        void deps.pageGone(key);
      });
      return true;
    },
    /** Re-reads every page's view and emits the events that changed. */
    sync: async () => {
      await Promise.all([...pages].map((p) => syncPage(p).catch(() => undefined)));
    },
    origins: () => [...new Set([...pages].map((p) => p.origin))],
  };
}
