import { stringToHex, verifyMessage, type Hex } from 'viem';
import { connectDapp, decide, expect, openDapp, providerRequest, scrollApprovalToEnd, shot, test } from './fixtures';

test('a SIWE message for another domain is blocked; a long message needs scrolling to the end before Sign', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);
  const chainId = Number(await dapp.getByTestId('dapp-chain-id').textContent());

  const siwe = [
    'evil.example wants you to sign in with your Ethereum account:',
    address,
    '',
    'Sign in to the phishing site.',
    '',
    'URI: https://evil.example/login',
    'Version: 1',
    `Chain ID: ${chainId}`,
    'Nonce: 32891756abcdef',
    'Issued At: 2026-01-01T00:00:00.000Z',
  ].join('\n');
  const phishing = providerRequest(dapp, 'personal_sign', [stringToHex(siwe), address]);
  const blocked = await wallet.approvalWindow(() => Promise.resolve());
  await expect(blocked.getByTestId('approval-blocked')).toBeVisible();
  await expect(blocked.getByTestId('approval-approve')).toBeDisabled();
  await shot(blocked, 'approval-siwe-blocked');
  await decide(blocked, 'reject');
  expect((await phishing).error?.code).toBe(4001);

  const long = Array.from({ length: 80 }, (_, i) => `Line ${i + 1}: I agree to the terms of the ERA devnet test, clause ${i + 1}.`).join('\n');
  const signing = providerRequest(dapp, 'personal_sign', [stringToHex(long), address]);
  const approval = await wallet.approvalWindow(() => Promise.resolve());
  await expect(approval.getByTestId('approval-message')).toHaveText(long);
  await expect(approval.getByTestId('approval-approve')).toBeDisabled();
  await expect(approval.getByTestId('approval-scroll-hint')).toBeVisible();
  await shot(approval, 'approval-long-message');
  await scrollApprovalToEnd(approval);
  await decide(approval, 'approve');
  const result = await signing;

  // Two requests at once queue in one window, oldest first, with a count; each answers on its own.
  const one = providerRequest(dapp, 'personal_sign', [stringToHex('first'), address]);
  const queued = await wallet.approvalWindow(() => Promise.resolve());
  const two = providerRequest(dapp, 'personal_sign', [stringToHex('second'), address]);
  await expect(queued.getByTestId('approval-queue-count')).toBeVisible();
  await expect(queued.getByTestId('approval-message')).toHaveText('first');
  await shot(queued, 'approval-queue');
  await queued.getByTestId('approval-reject').click();
  expect((await one).error?.code).toBe(4001);
  await expect(queued.getByTestId('approval-message')).toHaveText('second');
  await decide(queued, 'approve');
  expect(await verifyMessage({ address: address as Hex, message: 'second', signature: (await two).result as Hex })).toBe(true);
  expect(await verifyMessage({ address: address as Hex, message: long, signature: result.result as Hex })).toBe(true);
});
