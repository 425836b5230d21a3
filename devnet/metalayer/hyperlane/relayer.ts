import type { Hex } from 'viem';
import { encodeMerkleRootMultisigMetadata, encodeMessageIdMultisigMetadata } from '../../../src/core/metalayer/index.js';
import { writeAndWait, type ChainClient } from '../chainClient.js';
import { hyperlaneArtifact } from './artifacts.js';
import type { HyperlaneDeployment } from './deploy.js';
import type { SignedHyperlaneMessage } from './validators.js';

export type RelayStatus =
  | { status: 'waiting'; reason: string }
  | { status: 'delivered'; txHash: Hex | null; deliveredAt: number }
  | { status: 'failed'; error: string; attempts: number };

/** MessageIdMultisig metadata from the first `threshold` signatures in validator order (the ISM walks validators in order). */
export function messageIdMetadata(m: SignedHyperlaneMessage, threshold = m.threshold): Hex | null {
  const sigs = [...m.signatures].sort((a, b) => a.index - b.index).slice(0, threshold);
  if (sigs.length < threshold) return null;
  return encodeMessageIdMultisigMetadata({
    originMerkleTreeHook: m.merkleTreeHook,
    root: m.checkpoint.root,
    index: m.checkpoint.index,
    signatures: sigs.map((s) => s.signature),
  });
}

/** MerkleRootMultisig metadata for the same signed checkpoint (signedIndex = the message's own index). */
export function merkleRootMetadata(m: SignedHyperlaneMessage, threshold = m.threshold): Hex | null {
  const sigs = [...m.signatures].sort((a, b) => a.index - b.index).slice(0, threshold);
  if (sigs.length < threshold) return null;
  return encodeMerkleRootMultisigMetadata({
    originMerkleTreeHook: m.merkleTreeHook,
    messageIndex: m.checkpoint.index,
    signedMessageId: m.messageId,
    proof: m.proof,
    signedIndex: m.checkpoint.index,
    signatures: sigs.map((s) => s.signature),
  });
}

const MAX_ATTEMPTS = 5;

/**
 * Delivers signed messages: on the destination it calls Mailbox.process(metadata, message), and
 * Hyperlane's own MessageIdMultisigIsm checks the guardians' signatures.
 */
export class HyperlaneRelayer {
  readonly #destinations: Map<number, { client: ChainClient; deployment: HyperlaneDeployment }>;
  readonly #status = new Map<Hex, RelayStatus>();
  readonly #attempts = new Map<Hex, number>();
  readonly #queue: SignedHyperlaneMessage[] = [];

  constructor(opts: { destinations: readonly { client: ChainClient; deployment: HyperlaneDeployment }[] }) {
    this.#destinations = new Map(opts.destinations.map((d) => [d.deployment.domain, d]));
  }

  status(messageId: Hex): RelayStatus | undefined {
    return this.#status.get(messageId.toLowerCase() as Hex);
  }

  enqueue(m: SignedHyperlaneMessage): void {
    this.#queue.push(m);
    this.#status.set(m.messageId, { status: 'waiting', reason: 'queued' });
  }

  /** Tries every queued message once; keeps what is not yet deliverable. */
  async relayPending(): Promise<void> {
    const batch = this.#queue.splice(0);
    for (const m of batch) {
      const keep = await this.#relay(m);
      if (keep) this.#queue.push(m);
    }
  }

  async #relay(m: SignedHyperlaneMessage): Promise<boolean> {
    const dest = this.#destinations.get(m.destination);
    if (!dest) {
      this.#status.set(m.messageId, { status: 'failed', error: `unknown destination ${m.destination}`, attempts: 0 });
      return false;
    }
    const abi = hyperlaneArtifact('Mailbox').abi;
    const delivered = (await dest.client.public.readContract({ address: dest.deployment.mailbox, abi, functionName: 'delivered', args: [m.messageId] })) as boolean;
    if (delivered) {
      this.#status.set(m.messageId, { status: 'delivered', txHash: null, deliveredAt: Date.now() });
      return false;
    }
    const metadata = messageIdMetadata(m);
    if (!metadata) {
      this.#status.set(m.messageId, { status: 'waiting', reason: `${m.signatures.length}/${m.threshold} validator signatures` });
      return true;
    }
    try {
      const txHash = await writeAndWait(dest.client, { address: dest.deployment.mailbox, abi, functionName: 'process', args: [metadata, m.message] });
      this.#status.set(m.messageId, { status: 'delivered', txHash, deliveredAt: Date.now() });
      return false;
    } catch (error) {
      const attempts = (this.#attempts.get(m.messageId) ?? 0) + 1;
      this.#attempts.set(m.messageId, attempts);
      const text = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      this.#status.set(m.messageId, { status: 'failed', error: text, attempts });
      return attempts < MAX_ATTEMPTS;
    }
  }
}
