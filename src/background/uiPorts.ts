import { UI_PORT_NAME, type StateChangedEvent } from '../messages/events';
import type { WalletState } from '../messages/stateGet';
import type { PortLike } from './platform';

/** Extension pages listening for `state/changed` on the `ui` port; pushes are coalesced. */
export function createUiPorts(deps: { extensionOrigin: string; readState(): Promise<WalletState> }) {
  const ports = new Set<PortLike>();
  let scheduled: ReturnType<typeof setTimeout> | null = null;

  const pushTo = async (targets: PortLike[]) => {
    if (targets.length === 0) return;
    const event: StateChangedEvent = { type: 'state/changed', state: await deps.readState() };
    for (const p of targets) {
      try {
        p.postMessage(event);
      } catch {
        ports.delete(p);
      }
    }
  };

  return {
    connect(port: PortLike): boolean {
      if (port.name !== UI_PORT_NAME) return false;
      const url = port.sender?.url ?? '';
      if (!url.startsWith(deps.extensionOrigin + '/')) {
        port.disconnect();
        return true;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      void pushTo([port]).catch(() => undefined);
      return true;
    },
    changed() {
      if (scheduled || ports.size === 0) return;
      scheduled = setTimeout(() => {
        scheduled = null;
        void pushTo([...ports]).catch(() => undefined);
      }, 30);
    },
  };
}
