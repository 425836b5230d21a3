import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { keccak256, toBytes, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

/** Anvil's default mnemonic: anvil funds its first 10 accounts with 10,000 native units each. */
export const TEST_MNEMONIC = 'test test test test test test test test test test test junk';
export const TEST_ACCOUNT_COUNT = 10;

export type TestAccount = { index: number; address: Address; privateKey: Hex };

let cached: TestAccount[] | undefined;

/** The 10 funded accounts at m/44'/60'/0'/0/i of the test mnemonic. */
export function testAccounts(): TestAccount[] {
  if (cached) return cached;
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC));
  cached = Array.from({ length: TEST_ACCOUNT_COUNT }, (_, index) => {
    const key = root.derive(`m/44'/60'/0'/0/${index}`).privateKey;
    if (!key) throw new Error('derivation failed');
    const privateKey = toHex(key);
    return { index, address: privateKeyToAccount(privateKey).address, privateKey };
  });
  return cached;
}

/** The devnet deployer: a fixed key (not a test account), so contract addresses never depend on user activity. */
export const DEPLOYER_PRIVATE_KEY: Hex = keccak256(toBytes('era-devnet/deployer'));
export const deployerAccount = privateKeyToAccount(DEPLOYER_PRIVATE_KEY);
