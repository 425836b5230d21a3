import { browser } from 'wxt/browser';
import {
  CONTENT_SOURCE,
  INPAGE_SOURCE,
  isBackgroundFrame,
  isRpcRequestFrame,
  MAX_REQUEST_BYTES,
  PROVIDER_PORT_NAME,
  type BackgroundFrame,
  type RpcRequestFrame,
} from './provider';

type WindowLike = Pick<Window, 'addEventListener' | 'postMessage'> & { location: { origin: string } };
type PortLike = {
  postMessage(m: unknown): void;
  onMessage: { addListener(cb: (m: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
};

/**
 * The content script's relay: page frames → runtime port `provider` → background, and back.
 * Only well-formed request frames pass; the background learns the origin from the port's sender.
 * The port opens on the first request, and re-sends in-flight requests if the worker restarts.
 */
export function startProviderRelay(
  win: WindowLike = window,
  connect: () => PortLike = () => browser.runtime.connect({ name: PROVIDER_PORT_NAME }) as unknown as PortLike,
) {
  const inflight = new Map<number, RpcRequestFrame>();
  let port: PortLike | null = null;
  let failures = 0;
  let connectedAt = 0;
  const target = win.location.origin === 'null' ? '*' : win.location.origin;

  const toPage = (frame: BackgroundFrame) => win.postMessage({ source: CONTENT_SOURCE, frame }, target);

  const failAll = (code: number, message: string) => {
    for (const id of inflight.keys()) toPage({ kind: 'response', id, error: { code, message } });
    inflight.clear();
  };

  const open = (): PortLike | null => {
    if (port) return port;
    try {
      const p = connect();
      p.onMessage.addListener((frame) => {
        if (!isBackgroundFrame(frame)) return;
        if (frame.kind === 'response') inflight.delete(frame.id);
        toPage(frame);
      });
      p.onDisconnect.addListener(() => {
        port = null;
        // A port that lived a while was closed by a worker restart, not refused: reset the backoff.
        if (Date.now() - connectedAt > 5000) failures = 0;
        // Reconnect (so wallet events keep arriving) and re-send what is unanswered; give up if refused repeatedly.
        if (++failures > 5) return failAll(4900, 'ERA Wallet is not reachable');
        setTimeout(resend, 50 * 2 ** failures);
      });
      port = p;
      connectedAt = Date.now();
      return p;
    } catch {
      failAll(4900, 'ERA Wallet is not reachable (reload the page)');
      return null;
    }
  };

  const resend = () => {
    const p = open();
    if (!p) return;
    for (const frame of inflight.values()) p.postMessage(frame);
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== (win as unknown) || event.data?.source !== INPAGE_SOURCE) return;
    const frame: unknown = event.data.frame;
    if (!isRpcRequestFrame(frame)) {
      const id = (frame as { id?: unknown } | null)?.id;
      if (typeof id === 'number') toPage({ kind: 'response', id, error: { code: -32600, message: 'Invalid request' } });
      return;
    }
    let size = 0;
    try {
      size = JSON.stringify(frame).length;
    } catch {
      size = Infinity;
    }
    if (size > MAX_REQUEST_BYTES) {
      toPage({ kind: 'response', id: frame.id, error: { code: -32600, message: 'Invalid request: too large' } });
      return;
    }
    const clean: RpcRequestFrame = { kind: 'request', id: frame.id, method: frame.method, ...(frame.params === undefined ? {} : { params: frame.params }) };
    inflight.set(clean.id, clean);
    open()?.postMessage(clean);
  });
}
