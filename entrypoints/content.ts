import { startProviderRelay } from '../src/messages/providerRelay';

/** ISOLATED world: relays provider frames between the page and the background. */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: false,
  main() {
    startProviderRelay();
  },
});
