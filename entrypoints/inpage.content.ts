import { announceProvider, EraWalletProvider } from '../src/core/provider';
import { CONTENT_SOURCE, INPAGE_SOURCE } from '../src/messages/provider';

/** MAIN world, document_start: the EIP-1193 provider, announced by EIP-6963 before page scripts run. */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    const provider = new EraWalletProvider({
      send: (frame) => window.postMessage({ source: INPAGE_SOURCE, frame }, window.location.origin === 'null' ? '*' : window.location.origin),
      listen: (onFrame) =>
        window.addEventListener('message', (event: MessageEvent) => {
          if (event.source !== window || event.data?.source !== CONTENT_SOURCE) return;
          onFrame(event.data.frame);
        }),
    });
    announceProvider(window, provider, crypto.randomUUID());
    // Legacy dApps read window.ethereum; never replace another wallet's provider.
    if (!('ethereum' in window)) {
      Object.defineProperty(window, 'ethereum', { value: provider, configurable: true, writable: false, enumerable: true });
    }
  },
});
