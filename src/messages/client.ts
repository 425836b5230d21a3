import { browser } from 'wxt/browser';
import type { MessageContract, MessageInput, MessageOutput, MessageResponse } from './defineMessage';
import { isStateChangedEvent, UI_PORT_NAME } from './events';
import { MessageError } from './MessageError';
import type { WalletState } from './stateGet';

export { MessageError } from './MessageError';

/**
 * Calls the background. Validates the input here too (a bad call fails fast with INVALID_INPUT),
 * resolves with the typed output, and throws `MessageError` for `{ error }` answers.
 */
export async function send<C extends MessageContract>(contract: C, input?: MessageInput<C>): Promise<MessageOutput<C>> {
  const validated = contract.validate(input);
  let response: MessageResponse<MessageOutput<C>> | undefined;
  try {
    response = (await browser.runtime.sendMessage({ type: contract.type, input: validated })) as typeof response;
  } catch (cause) {
    throw new MessageError('NO_RESPONSE', `background did not answer ${contract.type}`, { cause });
  }
  if (response === undefined || response === null || typeof response !== 'object') {
    throw new MessageError('NO_RESPONSE', `background did not answer ${contract.type}`);
  }
  if ('error' in response) throw MessageError.fromPayload(response.error);
  return response.result;
}

/**
 * Listens to `state/changed` pushes on the `ui` port; reconnects when the service worker restarts.
 * Returns an unsubscribe function.
 */
export function subscribeState(listener: (state: WalletState) => void): () => void {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = () => {
    if (stopped) return;
    port = browser.runtime.connect({ name: UI_PORT_NAME });
    port.onMessage.addListener((msg: unknown) => {
      if (isStateChangedEvent(msg)) listener(msg.state);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      // The worker was stopped or restarted: reconnect shortly (the connect wakes it up).
      if (!stopped) setTimeout(connect, 250);
    });
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
