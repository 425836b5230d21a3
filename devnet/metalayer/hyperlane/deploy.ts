import { getAddress, type Address } from 'viem';
import { deployContract, writeAndWait, type ChainClient } from '../chainClient';
import { hyperlaneArtifact } from './artifacts';

/** Addresses of Hyperlane's own contracts on one chain. */
export type HyperlaneDeployment = {
  chainId: number;
  domain: number;
  mailbox: Address;
  merkleTreeHook: Address;
  requiredHook: Address;
  ismFactory: Address;
  ism: Address;
  testRecipient: Address;
  deployedBlock: bigint;
};

export type DeployHyperlaneParameters = {
  /** Funded deployer on that chain; a fresh key gives the same addresses on every run (CREATE, nonce 0..). */
  client: ChainClient;
  domain?: number;
  validators: readonly Address[];
  threshold: number;
};

/** Hyperlane's MessageIdMultisigIsm stores the threshold as uint8: more than 255 validators cannot be expressed. */
export const MAX_HYPERLANE_VALIDATORS = 255;

export function hyperlaneThreshold(n: number): number {
  return Math.ceil((2 * n) / 3);
}

/** Deploys Mailbox → MerkleTreeHook → TestPostDispatchHook → ISM factory → ISM → TestRecipient, then initializes the mailbox. */
export async function deployHyperlane({ client, domain = client.chainId, validators, threshold }: DeployHyperlaneParameters): Promise<HyperlaneDeployment> {
  if (validators.length === 0 || validators.length > MAX_HYPERLANE_VALIDATORS) {
    throw new RangeError(`Hyperlane validator count must be 1..${MAX_HYPERLANE_VALIDATORS}, got ${validators.length}`);
  }
  if (threshold < 1 || threshold > validators.length) throw new RangeError(`Bad threshold ${threshold}`);
  const deployedBlock = await client.public.getBlockNumber({ cacheTime: 0 });
  const mailboxArt = hyperlaneArtifact('Mailbox');
  const mailbox = await deployContract(client, mailboxArt.abi, mailboxArt.bytecode, [domain]);
  const hookArt = hyperlaneArtifact('MerkleTreeHook');
  const merkleTreeHook = await deployContract(client, hookArt.abi, hookArt.bytecode, [mailbox]);
  const requiredArt = hyperlaneArtifact('TestPostDispatchHook');
  const requiredHook = await deployContract(client, requiredArt.abi, requiredArt.bytecode);
  await writeAndWait(client, { address: requiredHook, abi: requiredArt.abi, functionName: 'setFee', args: [0n] });
  const factoryArt = hyperlaneArtifact('StaticMessageIdMultisigIsmFactory');
  const ismFactory = await deployContract(client, factoryArt.abi, factoryArt.bytecode);
  const ism = await deployMessageIdIsm(client, ismFactory, validators, threshold);
  const recipientArt = hyperlaneArtifact('TestRecipient');
  const testRecipient = await deployContract(client, recipientArt.abi, recipientArt.bytecode);
  await writeAndWait(client, {
    address: mailbox,
    abi: mailboxArt.abi,
    functionName: 'initialize',
    args: [client.account.address, ism, merkleTreeHook, requiredHook],
  });
  return { chainId: client.chainId, domain, mailbox, merkleTreeHook, requiredHook, ismFactory, ism, testRecipient, deployedBlock };
}

/** The factory deploys a CREATE2 meta-proxy: the same validators and threshold give the same ISM address on every chain. */
export async function deployMessageIdIsm(client: ChainClient, ismFactory: Address, validators: readonly Address[], threshold: number): Promise<Address> {
  const factoryArt = hyperlaneArtifact('StaticMessageIdMultisigIsmFactory');
  await writeAndWait(client, { address: ismFactory, abi: factoryArt.abi, functionName: 'deploy', args: [validators, threshold] });
  const ism = (await client.public.readContract({
    address: ismFactory,
    abi: factoryArt.abi,
    functionName: 'getAddress',
    args: [validators, threshold],
  })) as Address;
  return getAddress(ism);
}

/** Points the mailbox at a new default ISM (after a guardian-set hand-over). */
export async function setDefaultIsm(client: ChainClient, mailbox: Address, ism: Address): Promise<void> {
  await writeAndWait(client, { address: mailbox, abi: hyperlaneArtifact('Mailbox').abi, functionName: 'setDefaultIsm', args: [ism] });
}
