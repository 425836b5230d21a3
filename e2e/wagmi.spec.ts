import { verifyMessage, type Hex } from 'viem';
import { dappLog, decide, expect, test } from './fixtures';

test("a wagmi app connects with its injected EIP-6963 connector and signs", async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await context.newPage();
  await dapp.goto(wallet.manifest.wagmiDappUrl);
  // wagmi lists the announced wallet as its own connector (id = the wallet's rdns).
  await expect(dapp.locator('[data-testid="dapp-wallet"]:not([data-rdns="injected"])')).toHaveCount(1);

  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-connect').click());
  await decide(approval, 'approve', 'approval-connect-wagmi');
  const connected = await dappLog(dapp, 'connect');
  expect(connected.error).toBeUndefined();
  const { accounts, connector } = connected.result as { accounts: string[]; connector: string };
  expect(connector).not.toBe('injected');
  expect(accounts).toHaveLength(1);

  const signing = await wallet.approvalWindow(() => dapp.getByTestId('dapp-personal-sign').click());
  await decide(signing, 'approve');
  const signed = await dappLog(dapp, 'signMessage');
  const message = await dapp.getByTestId('dapp-message-input').inputValue();
  expect(await verifyMessage({ address: accounts[0] as Hex, message, signature: signed.result as Hex })).toBe(true);
});
