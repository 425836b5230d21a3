import { verifyMessage, type Hex } from 'viem';
import { EXTENSION_ID } from '../src/core/constants';
import { connectDapp, dappLog, decide, expect, extensionUrl, openDapp, test } from './fixtures';

test('after the service worker is stopped the wallet is still unlocked and the site keeps its permission', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);

  // Mark the running worker's memory, then stop it through CDP as Chrome does to an idle MV3 worker.
  const worker = await wallet.worker();
  await worker.evaluate(() => ((globalThis as unknown as { __eraE2eMarker?: number }).__eraE2eMarker = 1));
  const page = await context.newPage();
  await page.goto(extensionUrl('popup.html'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((ok) =>
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      if (e.versions.some((v) => v.scriptURL.includes(EXTENSION_ID) && v.runningStatus === 'stopped')) ok();
    }),
  );
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await page.close();

  // The dApp's next request wakes the worker up: no new approval for accounts, no unlock for signing.
  await dapp.getByTestId('dapp-get-accounts').click();
  const accounts = await dappLog(dapp, 'eth_accounts');
  expect((accounts.result as string[]).map((a) => a.toLowerCase())).toEqual([address.toLowerCase()]);

  // It is a new worker (memory gone), yet the session and permissions came back from storage.
  const fresh = await (await wallet.worker()).evaluate(() => (globalThis as unknown as { __eraE2eMarker?: number }).__eraE2eMarker ?? null);
  expect(fresh).toBeNull();

  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-personal-sign').click());
  await expect(approval.getByTestId('unlock-password-input')).toHaveCount(0);
  await decide(approval, 'approve', 'approval-after-worker-restart');
  const line = await dappLog(dapp, 'personal_sign');
  const message = await dapp.getByTestId('dapp-message-input').inputValue();
  expect(await verifyMessage({ address: address as Hex, message, signature: line.result as Hex })).toBe(true);
});
