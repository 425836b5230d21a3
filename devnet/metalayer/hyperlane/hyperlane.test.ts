import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pad, toHex, type Address, type Hex } from 'viem';
import { encodeMessageIdMultisigMetadata, checkpointDigest, ecdsaSignDigest } from '../../../src/core/metalayer/index.js';
import { chainClient, deployContract, fundGas, writeAndWait, type ChainClient } from '../chainClient.js';
import { deriveGuardianKeys, metalayerServiceKey, type GuardianKeys } from '../guardians/keys.js';
import { startAnvil, type LocalAnvil } from '../testing/anvil.js';
import { hyperlaneArtifact } from './artifacts.js';
import { deployHyperlane, hyperlaneThreshold, type HyperlaneDeployment } from './deploy.js';
import { HyperlaneRelayer, merkleRootMetadata } from './relayer.js';
import { HyperlaneValidatorSet, type SignedHyperlaneMessage } from './validators.js';

const SEED = 'hyperlane-test';
// anvil's first default account
const SENDER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

describe('Hyperlane on anvil with guardian validators', () => {
  const chains: LocalAnvil[] = [];
  let deployer: Record<number, ChainClient>;
  let dep: Record<number, HyperlaneDeployment>;
  let guardians: GuardianKeys[];
  let validators: HyperlaneValidatorSet;
  let relayer: HyperlaneRelayer;
  const threshold = hyperlaneThreshold(5);

  beforeAll(async () => {
    chains.push(await startAnvil(901), await startAnvil(902));
    guardians = Array.from({ length: 5 }, (_, i) => deriveGuardianKeys(SEED, i));
    deployer = {};
    dep = {};
    for (const c of chains) {
      const client = chainClient(c.chainId, c.rpcUrl, metalayerServiceKey(SEED, 'deployer'));
      await fundGas(client, client.account.address);
      deployer[c.chainId] = client;
      dep[c.chainId] = await deployHyperlane({ client, validators: guardians.map((g) => g.ecdsa), threshold });
    }
    const relayerClients = await Promise.all(
      chains.map(async (c) => {
        const client = chainClient(c.chainId, c.rpcUrl, metalayerServiceKey(SEED, 'relayer'));
        await fundGas(client, client.account.address);
        return { client, deployment: dep[c.chainId]! };
      }),
    );
    validators = new HyperlaneValidatorSet({ origins: relayerClients, validators: guardians, threshold });
    relayer = new HyperlaneRelayer({ destinations: relayerClients });
  });

  afterAll(async () => {
    await Promise.all(chains.map((c) => c.stop()));
  });

  async function dispatch(body: string): Promise<SignedHyperlaneMessage> {
    const sender = chainClient(901, chains[0]!.rpcUrl, SENDER_KEY);
    await writeAndWait(sender, {
      address: dep[901]!.mailbox,
      abi: hyperlaneArtifact('Mailbox').abi,
      functionName: 'dispatch',
      args: [902, pad(dep[902]!.testRecipient, { size: 32 }), toHex(body)],
    });
    const signed = await validators.poll();
    expect(signed).toHaveLength(1);
    return signed[0]!;
  }

  it('deploys at deterministic addresses, the same ISM on both chains', () => {
    expect(dep[901]!.mailbox).toBe(dep[902]!.mailbox);
    expect(dep[901]!.ism).toBe(dep[902]!.ism);
  });

  it('processes a message from 901 on 902 through the MessageIdMultisigIsm with guardian signatures', async () => {
    const m = await dispatch('hello from 901');
    expect(m.signatures).toHaveLength(5);
    expect(m.checkpoint.index).toBe(0);
    relayer.enqueue(m);
    await relayer.relayPending();
    expect(relayer.status(m.messageId)).toMatchObject({ status: 'delivered' });
    const dest = deployer[902]!;
    const delivered = await dest.public.readContract({ address: dep[902]!.mailbox, abi: hyperlaneArtifact('Mailbox').abi, functionName: 'delivered', args: [m.messageId] });
    expect(delivered).toBe(true);
    const lastData = await dest.public.readContract({ address: dep[902]!.testRecipient, abi: hyperlaneArtifact('TestRecipient').abi, functionName: 'lastData' });
    expect(lastData).toBe(toHex('hello from 901'));
  });

  it('rejects a wrong signer, a wrong order and too few signatures', async () => {
    const m = await dispatch('second');
    expect(m.checkpoint.index).toBe(1);
    const dest = deployer[902]!;
    const abi = hyperlaneArtifact('Mailbox').abi;
    const sigs = [...m.signatures].sort((a, b) => a.index - b.index).map((s) => s.signature);
    const base = { originMerkleTreeHook: m.merkleTreeHook, root: m.checkpoint.root, index: m.checkpoint.index };
    const outsider = deriveGuardianKeys('someone-else', 0);
    const forged = ecdsaSignDigest(checkpointDigest(m.checkpoint), outsider.ecdsaPrivateKey);
    const cases: [Hex, RegExp][] = [
      // a signer outside the validator set
      [encodeMessageIdMultisigMetadata({ ...base, signatures: [forged, ...sigs.slice(1, threshold)] }), /!threshold/],
      // validators out of order
      [encodeMessageIdMultisigMetadata({ ...base, signatures: [sigs[1]!, sigs[0]!, ...sigs.slice(2, threshold)] }), /!threshold/],
      // one signature short (the ISM reads past the end of the metadata)
      [encodeMessageIdMultisigMetadata({ ...base, signatures: sigs.slice(0, threshold - 1) }), /reverted/],
      // signatures over another root
      [encodeMessageIdMultisigMetadata({ ...base, root: pad('0x01', { size: 32 }), signatures: sigs.slice(0, threshold) }), /!threshold/],
    ];
    for (const [metadata, reason] of cases) {
      await expect(writeAndWait(dest, { address: dep[902]!.mailbox, abi, functionName: 'process', args: [metadata, m.message] })).rejects.toThrow(reason);
    }
    relayer.enqueue(m);
    await relayer.relayPending();
    expect(relayer.status(m.messageId)).toMatchObject({ status: 'delivered' });
  });

  it('also produces MerkleRootMultisig metadata that Hyperlane’s MerkleRootMultisigIsm accepts', async () => {
    const m = await dispatch('third');
    const dest = deployer[902]!;
    const factoryArt = hyperlaneArtifact('StaticMerkleRootMultisigIsmFactory');
    const factory = await deployContract(dest, factoryArt.abi, factoryArt.bytecode);
    const vs = guardians.map((g) => g.ecdsa);
    await writeAndWait(dest, { address: factory, abi: factoryArt.abi, functionName: 'deploy', args: [vs, threshold] });
    const ism = (await dest.public.readContract({ address: factory, abi: factoryArt.abi, functionName: 'getAddress', args: [vs, threshold] })) as Address;
    const ok = await dest.public.readContract({
      address: ism,
      abi: hyperlaneArtifact('StaticMerkleRootMultisigIsm').abi,
      functionName: 'verify',
      args: [merkleRootMetadata(m, threshold)!, m.message],
    });
    expect(ok).toBe(true);
  });
});
