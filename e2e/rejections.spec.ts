import { connectDapp, dappLog, decide, expect, openDapp, test } from './fixtures';

test('every rejected request returns EIP-1193 error 4001 to the dApp', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);

  const reject = async (testId: string, action: string, screenshot?: string) => {
    const approval = await wallet.approvalWindow(() => dapp.getByTestId(testId).click());
    await decide(approval, 'reject', screenshot);
    const line = await dappLog(dapp, action);
    expect(line.error?.code, `${action} rejected`).toBe(4001);
  };

  await reject('dapp-connect', 'eth_requestAccounts');
  await connectDapp(wallet, dapp);
  await reject('dapp-personal-sign', 'personal_sign');
  await reject('dapp-sign-typed', 'eth_signTypedData_v4');
  await reject('dapp-send-tx', 'eth_sendTransaction');
  const current = Number(await dapp.getByTestId('dapp-chain-id').textContent());
  const target = wallet.manifest.chains.map((c) => c.chainId).find((id) => id !== current && id !== 900)!;
  await dapp.getByTestId('dapp-chain-input').fill(String(target));
  await reject('dapp-switch-chain', 'wallet_switchEthereumChain');
  await expect(dapp.getByTestId('dapp-chain-id')).toHaveText(String(current));
});
