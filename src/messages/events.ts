import type { WalletState } from './stateGet';

/** Name of the runtime port extension pages open to receive background pushes. */
export const UI_PORT_NAME = 'ui';

/** Pushed on the `ui` port after every change (lock, accounts, approvals, sites, settings, chains). */
export type StateChangedEvent = { type: 'state/changed'; state: WalletState };

export function isStateChangedEvent(value: unknown): value is StateChangedEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'state/changed' &&
    typeof (value as { state?: unknown }).state === 'object'
  );
}
