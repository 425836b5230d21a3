import type { EraWalletProvider } from './eip1193Provider';

/** EIP-6963 provider info of ERA Wallet. */
export type Eip6963ProviderInfo = { uuid: string; name: string; icon: string; rdns: string };

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="22" fill="#0B0F1A"/><path d="M26 30h40v8H35v7h27v8H35v7h31v8H26z" fill="#7CF2C8"/></svg>';

export const ERA_WALLET_ICON = `data:image/svg+xml;base64,${btoa(ICON_SVG)}`;
export const ERA_WALLET_RDNS = 'xyz.caldera.erawallet';
export const ERA_WALLET_NAME = 'ERA Wallet';

type EventTargetLike = Pick<EventTarget, 'addEventListener' | 'dispatchEvent'>;

/**
 * Announces the provider now and again on every `eip6963:requestProvider` (pages that ask later
 * would otherwise miss it). The uuid is fixed for this page load.
 */
export function announceProvider(target: EventTargetLike, provider: EraWalletProvider, uuid: string): Eip6963ProviderInfo {
  const info: Eip6963ProviderInfo = Object.freeze({ uuid, name: ERA_WALLET_NAME, icon: ERA_WALLET_ICON, rdns: ERA_WALLET_RDNS });
  const detail = Object.freeze({ info, provider });
  const announce = () => target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  target.addEventListener('eip6963:requestProvider', announce);
  announce();
  return info;
}
