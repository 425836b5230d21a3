import { recoverTypedSignature, SignTypedDataVersion } from '@metamask/eth-sig-util';
import { mailTypedData } from '../devnet/dapp/mailTypedData';
import { connectDapp, dappLog, decide, expect, openDapp, scrollApprovalToEnd, test } from './fixtures';

test('eth_signTypedData_v4 shows every field and its signature recovers to the account', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);
  const chainId = Number(await dapp.getByTestId('dapp-chain-id').textContent());

  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-sign-typed').click());
  await expect(approval.getByTestId('approval-typed_data')).toBeVisible();
  await expect(approval.getByText('0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC', { exact: false })).toBeVisible();
  await expect(approval.getByText('Hello, Bob!')).toBeAttached();
  await scrollApprovalToEnd(approval);
  await decide(approval, 'approve', 'approval-typed-data');

  const line = await dappLog(dapp, 'eth_signTypedData_v4');
  expect(line.error).toBeUndefined();
  const data = mailTypedData(chainId);
  const recovered = recoverTypedSignature({ data, signature: line.result as string, version: SignTypedDataVersion.V4 });
  expect(recovered.toLowerCase()).toBe(address.toLowerCase());
});
