import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Abi, Hex } from 'viem';
import { packageDir } from '../testing/packageDir';

/** One Hyperlane contract as shipped by @hyperlane-xyz/core 12.1.0 (ABI + creation bytecode). */
export type HyperlaneArtifact = { name: string; abi: Abi; bytecode: Hex };

const factoryFiles = {
  Mailbox: 'Mailbox__factory.js',
  MerkleTreeHook: 'hooks/MerkleTreeHook__factory.js',
  TestPostDispatchHook: 'test/TestPostDispatchHook__factory.js',
  TestRecipient: 'test/TestRecipient__factory.js',
  StaticMessageIdMultisigIsmFactory: 'isms/multisig/StaticMultisigIsm.sol/StaticMessageIdMultisigIsmFactory__factory.js',
  StaticMessageIdMultisigIsm: 'isms/multisig/StaticMultisigIsm.sol/StaticMessageIdMultisigIsm__factory.js',
  StaticMerkleRootMultisigIsmFactory: 'isms/multisig/StaticMultisigIsm.sol/StaticMerkleRootMultisigIsmFactory__factory.js',
  StaticMerkleRootMultisigIsm: 'isms/multisig/StaticMultisigIsm.sol/StaticMerkleRootMultisigIsm__factory.js',
} as const;

export type HyperlaneContractName = keyof typeof factoryFiles;

export class HyperlaneArtifactError extends Error {
  override name = 'HyperlaneArtifactError';
  constructor(message: string, readonly details: { file: string }, options?: { cause?: unknown }) {
    super(message, options);
  }
}

function factoriesDir(): string {
  // The package's exports map blocks deep imports (even package.json), so find its folder on disk.
  return join(packageDir('@hyperlane-xyz/core'), 'dist/typechain/factories/contracts');
}

/** Reads `_abi` and `_bytecode` from a typechain factory as text: the factories import ethers v5, which is not installed. */
export function parseFactorySource(source: string, file: string): { abi: Abi; bytecode: Hex } {
  const abiStart = source.indexOf('const _abi = ');
  const abiEnd = source.indexOf('const _bytecode = ');
  const byteMatch = /const _bytecode = "(0x[0-9a-fA-F]+)"/.exec(source);
  if (abiStart < 0 || abiEnd < abiStart || !byteMatch) throw new HyperlaneArtifactError('Not a typechain factory', { file });
  const literal = source.slice(abiStart + 'const _abi = '.length, abiEnd).trim().replace(/;$/, '');
  let abi: unknown;
  try {
    // The ABI is a plain object literal (unquoted keys), evaluated in an empty context.
    abi = runInNewContext(`(${literal})`, Object.create(null), { timeout: 1000 });
  } catch (cause) {
    throw new HyperlaneArtifactError('Unparsable ABI literal', { file }, { cause });
  }
  if (!Array.isArray(abi)) throw new HyperlaneArtifactError('ABI is not an array', { file });
  return { abi: JSON.parse(JSON.stringify(abi)) as Abi, bytecode: byteMatch[1] as Hex };
}

const cache = new Map<HyperlaneContractName, HyperlaneArtifact>();

export function hyperlaneArtifact(name: HyperlaneContractName): HyperlaneArtifact {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = join(factoriesDir(), factoryFiles[name]);
  const parsed = parseFactorySource(readFileSync(file, 'utf8'), file);
  const artifact = { name, ...parsed };
  cache.set(name, artifact);
  return artifact;
}
