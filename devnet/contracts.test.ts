import {
  createPublicClient,
  createWalletClient,
  decodeEventLog,
  encodeAbiParameters,
  encodeFunctionData,
  erc20Abi,
  http,
  keccak256,
  pad,
  parseAbi,
  parseEther,
  parseGwei,
  parseUnits,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployerAccount, testAccounts } from './accounts.js';
import { compileContracts } from './contracts/compile.js';
import { L1_FEE_PARAMS, MULTICALL3_ADDRESS, TEST_ACCOUNT_TOKEN_UNITS } from './deploy.js';
import { startDevnet, type Devnet } from './network.js';
import { registry, registryChain } from './registry.js';

const oracleAbi = parseAbi([
  'function priceOf(address token) view returns (uint256 price, uint256 updatedAt)',
  'function owner() view returns (address)',
  'function setPrice(address token, uint256 price)',
  'error NoPrice(address token)',
  'error NotOwner()',
]);
const gasPriceOracleAbi = parseAbi([
  'function getL1Fee(bytes) view returns (uint256)',
  'function getL1GasUsed(bytes) view returns (uint256)',
  'function l1BaseFee() view returns (uint256)',
  'function blobBaseFee() view returns (uint256)',
  'function baseFeeScalar() view returns (uint32)',
  'function blobBaseFeeScalar() view returns (uint32)',
  'function decimals() view returns (uint256)',
]);
const messagePasserAbi = parseAbi([
  'function initiateWithdrawal(address _target, uint256 _gasLimit, bytes _data) payable',
  'function messageNonce() view returns (uint256)',
  'function sentMessages(bytes32) view returns (bool)',
  'event MessagePassed(uint256 indexed nonce, address indexed sender, address indexed target, uint256 value, uint256 gasLimit, bytes data, bytes32 withdrawalHash)',
]);
const arbSysAbi = parseAbi(['function arbChainID() view returns (uint256)', 'function arbBlockNumber() view returns (uint256)', 'function arbOSVersion() view returns (uint256)']);
const arbGasInfoAbi = parseAbi([
  'function getPricesInWei() view returns (uint256, uint256, uint256, uint256, uint256, uint256)',
  'function getL1BaseFeeEstimate() view returns (uint256)',
]);
const nodeInterfaceAbi = parseAbi([
  'function gasEstimateComponents(address to, bool contractCreation, bytes data) payable returns (uint64 gasEstimate, uint64 gasEstimateForL1, uint256 baseFee, uint256 l1BaseFeeEstimate)',
]);
const multicallAbi = parseAbi([
  'function getEthBalance(address) view returns (uint256)',
  'function getChainId() view returns (uint256)',
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[])',
]);

describe('devnet contracts (all five chains)', () => {
  let devnet: Devnet;
  const user = testAccounts()[1]!;
  const clientOf = (chainId: number) => createPublicClient({ transport: http(devnet.manifest.chains.find((c) => c.chainId === chainId)!.rpcUrl) });
  const walletOf = (chainId: number) =>
    createWalletClient({
      transport: http(devnet.manifest.chains.find((c) => c.chainId === chainId)!.rpcUrl),
      account: privateKeyToAccount(user.privateKey),
      chain: { id: chainId, name: String(chainId), nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } },
    });

  beforeAll(async () => {
    devnet = await startDevnet({ full: true, metalayer: false, quiet: true, manifestPath: null, apiPort: 0 });
  });
  afterAll(() => devnet?.stop());

  it('runs chains 900-904 with the frameworks of devnet.json', async () => {
    expect(devnet.manifest.chains.map((c) => [c.chainId, c.framework])).toEqual([
      [900, 'l1'],
      [901, 'op-stack'],
      [902, 'arbitrum-orbit'],
      [903, 'arbitrum-orbit'],
      [904, 'zk-stack'],
    ]);
    for (const c of devnet.manifest.chains) expect(await clientOf(c.chainId).getChainId()).toBe(c.chainId);
    expect(registryChain(903).nativeCurrency.symbol).toBe('USDC');
    expect(registryChain(903).tokens.map((t) => t.symbol)).not.toContain('USDC');
  });

  it('deploys every token at its devnet.json address with its metadata, funding all 10 test accounts', async () => {
    for (const chain of registry.chains) {
      const client = clientOf(chain.chainId);
      for (const token of chain.tokens) {
        const [symbol, decimals, name] = await Promise.all([
          client.readContract({ address: token.address, abi: erc20Abi, functionName: 'symbol' }),
          client.readContract({ address: token.address, abi: erc20Abi, functionName: 'decimals' }),
          client.readContract({ address: token.address, abi: erc20Abi, functionName: 'name' }),
        ]);
        expect([symbol, decimals, name]).toEqual([token.symbol, token.decimals, token.name]);
        const expected = parseUnits(TEST_ACCOUNT_TOKEN_UNITS[token.symbol]!, token.decimals);
        for (const account of testAccounts())
          expect(await client.readContract({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [account.address] })).toBe(expected);
      }
    }
  });

  it('stores ERC-20 balances at the recorded balancesSlot (eth_getStorageAt and eth_getProof)', async () => {
    for (const chain of registry.chains) {
      const client = clientOf(chain.chainId);
      for (const token of chain.tokens) {
        const key = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [user.address, BigInt(token.balancesSlot)]));
        const stored = await client.getStorageAt({ address: token.address, slot: key });
        const balance = await client.readContract({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [user.address] });
        expect(BigInt(stored ?? '0x0')).toBe(balance);
        const proof = await client.getProof({ address: token.address, storageKeys: [key] });
        expect(proof.storageProof[0]!.value).toBe(balance);
      }
    }
  });

  it('places a working Multicall3 at the canonical address on every chain', async () => {
    const runtime = compileContracts().Multicall3!.deployedBytecode;
    for (const chain of devnet.manifest.chains) {
      const client = clientOf(chain.chainId);
      expect(await client.getCode({ address: MULTICALL3_ADDRESS })).toBe(runtime);
      expect(await client.readContract({ address: MULTICALL3_ADDRESS, abi: multicallAbi, functionName: 'getChainId' })).toBe(BigInt(chain.chainId));
      const eth = await client.readContract({ address: MULTICALL3_ADDRESS, abi: multicallAbi, functionName: 'getEthBalance', args: [user.address] });
      expect(eth).toBe(await client.getBalance({ address: user.address }));
      const tokens = Object.values(chain.tokens);
      const results = await client.multicall({
        multicallAddress: MULTICALL3_ADDRESS,
        contracts: [
          ...tokens.map((address) => ({ address, abi: erc20Abi, functionName: 'balanceOf', args: [user.address] }) as const),
          { address: '0x0000000000000000000000000000000000000001', abi: erc20Abi, functionName: 'balanceOf', args: [user.address] } as const,
        ],
      });
      expect(results.slice(0, -1).every((r) => r.status === 'success' && (r.result as bigint) > 0n)).toBe(true);
      expect(results.at(-1)!.status).toBe('failure');
    }
  });

  it('prices tokens and the native asset in the oracle; only the owner sets prices', async () => {
    for (const chain of registry.chains) {
      const client = clientOf(chain.chainId);
      const oracle = chain.contracts.priceOracle!;
      expect(await client.readContract({ address: oracle, abi: oracleAbi, functionName: 'owner' })).toBe(deployerAccount.address);
      const [native] = await client.readContract({ address: oracle, abi: oracleAbi, functionName: 'priceOf', args: [registry.nativeTokenAddress] });
      expect(native).toBe(chain.nativeCurrency.symbol === 'USDC' ? 100_000_000n : 300_000_000_000n);
      for (const token of chain.tokens) {
        const [price, updatedAt] = await client.readContract({ address: oracle, abi: oracleAbi, functionName: 'priceOf', args: [token.address] });
        expect(price).toBeGreaterThan(0n);
        expect(updatedAt).toBeGreaterThan(0n);
      }
      await expect(client.readContract({ address: oracle, abi: oracleAbi, functionName: 'priceOf', args: [user.address] })).rejects.toThrow(/NoPrice/);
    }
    const wallet = walletOf(900);
    await expect(
      clientOf(900).simulateContract({ address: registry.chains[0]!.contracts.priceOracle!, abi: oracleAbi, functionName: 'setPrice', args: [user.address, 1n], account: wallet.account }),
    ).rejects.toThrow(/NotOwner/);
  });

  it('903 pays gas in USDC: the faucet funds USDC as the native currency there', async () => {
    const address = '0x0000000000000000000000000000000000009030' as Address;
    const response = await fetch(`${devnet.manifest.metalayerApi}/v1/faucet`, { method: 'POST', body: JSON.stringify({ chainId: 903, address, token: 'USDC', amount: '25' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { txHash: Hex };
    expect(body).toMatchObject({ token: 'USDC', tokenAddress: null, decimals: 18, txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    // A real transfer, gas paid in the native USDC.
    expect((await clientOf(903).getTransactionReceipt({ hash: body.txHash })).status).toBe('success');
    expect(await clientOf(903).getBalance({ address })).toBe(parseEther('25'));
    expect(devnet.manifest.chains.find((c) => c.chainId === 903)!.nativeCurrency).toEqual({ name: 'USD Coin', symbol: 'USDC', decimals: 18 });
  });

  it('wraps and unwraps native currency in WETH', async () => {
    const weth = registryChain(901).tokens.find((t) => t.symbol === 'WETH')!.address;
    const client = clientOf(901);
    const wallet = walletOf(901);
    const before = await client.readContract({ address: weth, abi: erc20Abi, functionName: 'balanceOf', args: [user.address] });
    const deposit = await wallet.sendTransaction({ to: weth, value: parseEther('2'), data: encodeFunctionData({ abi: parseAbi(['function deposit() payable']), functionName: 'deposit' }) });
    await client.waitForTransactionReceipt({ hash: deposit });
    const withdraw = await wallet.writeContract({ address: weth, abi: parseAbi(['function withdraw(uint256)']), functionName: 'withdraw', args: [parseEther('0.5')] });
    await client.waitForTransactionReceipt({ hash: withdraw });
    expect(await client.readContract({ address: weth, abi: erc20Abi, functionName: 'balanceOf', args: [user.address] })).toBe(before + parseEther('1.5'));
  });

  it('OP Stack GasPriceOracle computes the Ecotone L1 fee from L1Block values', async () => {
    const gpo = registryChain(901).contracts.gasPriceOracle!;
    const client = clientOf(901);
    const read = <F extends 'l1BaseFee' | 'blobBaseFee' | 'baseFeeScalar' | 'blobBaseFeeScalar' | 'decimals'>(functionName: F) =>
      client.readContract({ address: gpo, abi: gasPriceOracleAbi, functionName });
    expect(await read('l1BaseFee')).toBe(L1_FEE_PARAMS.l1BaseFee);
    expect(await read('blobBaseFee')).toBe(L1_FEE_PARAMS.blobBaseFee);
    expect(BigInt(await read('baseFeeScalar'))).toBe(L1_FEE_PARAMS.baseFeeScalar);
    expect(BigInt(await read('blobBaseFeeScalar'))).toBe(L1_FEE_PARAMS.blobBaseFeeScalar);
    expect(await read('decimals')).toBe(6n);
    const data: Hex = '0x00ff00ff0102';
    const gasUsed = 4n * 2n + 16n * 4n + 68n * 16n;
    expect(await client.readContract({ address: gpo, abi: gasPriceOracleAbi, functionName: 'getL1GasUsed', args: [data] })).toBe(gasUsed);
    const p = L1_FEE_PARAMS;
    const fee = (gasUsed * (p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee)) / (16n * 10n ** 6n);
    expect(await client.readContract({ address: gpo, abi: gasPriceOracleAbi, functionName: 'getL1Fee', args: [data] })).toBe(fee);
    expect(fee).toBeGreaterThan(0n);
  });

  it('OP Stack L2ToL1MessagePasser records withdrawals and emits MessagePassed', async () => {
    const passer = registryChain(901).contracts.l2ToL1MessagePasser!;
    const client = clientOf(901);
    const nonce = await client.readContract({ address: passer, abi: messagePasserAbi, functionName: 'messageNonce' });
    expect(nonce >> 240n).toBe(1n);
    const target: Address = '0x000000000000000000000000000000000000bEEF';
    const hash = await walletOf(901).writeContract({ address: passer, abi: messagePasserAbi, functionName: 'initiateWithdrawal', args: [target, 100_000n, '0xabcd'], value: parseEther('0.1') });
    const receipt = await client.waitForTransactionReceipt({ hash });
    const event = decodeEventLog({ abi: messagePasserAbi, ...receipt.logs[0]! });
    expect(event.eventName).toBe('MessagePassed');
    const args = event.args as { nonce: bigint; sender: Address; target: Address; value: bigint; withdrawalHash: Hex };
    expect(args).toMatchObject({ nonce, sender: user.address, target, value: parseEther('0.1') });
    const expected = keccak256(
      encodeAbiParameters(
        [{ type: 'uint256' }, { type: 'address' }, { type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }],
        [nonce, user.address, target, parseEther('0.1'), 100_000n, '0xabcd'],
      ),
    );
    expect(args.withdrawalHash).toBe(expected);
    expect(await client.readContract({ address: passer, abi: messagePasserAbi, functionName: 'sentMessages', args: [expected] })).toBe(true);
    expect(await client.readContract({ address: passer, abi: messagePasserAbi, functionName: 'messageNonce' })).toBe(nonce + 1n);
  });

  it.each([902, 903])('Arbitrum ArbSys and ArbGasInfo answer on %i', async (chainId) => {
    const c = registryChain(chainId).contracts;
    const client = clientOf(chainId);
    expect(await client.readContract({ address: c.arbSys!, abi: arbSysAbi, functionName: 'arbChainID' })).toBe(BigInt(chainId));
    expect(await client.readContract({ address: c.arbSys!, abi: arbSysAbi, functionName: 'arbBlockNumber' })).toBe(await client.getBlockNumber());
    expect(await client.readContract({ address: c.arbSys!, abi: arbSysAbi, functionName: 'arbOSVersion' })).toBe(87n);
    expect(await client.readContract({ address: c.arbGasInfo!, abi: arbGasInfoAbi, functionName: 'getL1BaseFeeEstimate' })).toBe(L1_FEE_PARAMS.l1BaseFee);
    const prices = await client.readContract({ address: c.arbGasInfo!, abi: arbGasInfoAbi, functionName: 'getPricesInWei' });
    const block = await client.getBlock();
    expect(prices[1]).toBe(L1_FEE_PARAMS.l1BaseFee * 16n);
    expect(prices[0]).toBe(prices[1] * 140n);
    expect(prices[3]).toBe(L1_FEE_PARAMS.arbMinimumGasPrice);
    expect(prices[5]).toBeLessThanOrEqual(block.baseFeePerGas! + parseGwei('1'));
  });

  // NodeInterface runs the call itself, so msg.sender is 0xc8: use a sender-independent call (approve).
  it('Arbitrum NodeInterface splits an ERC-20 approve estimate into L2 and L1 parts', async () => {
    const c = registryChain(902).contracts;
    const usdt = registryChain(902).tokens.find((t) => t.symbol === 'USDT')!.address;
    const client = clientOf(902);
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [testAccounts()[2]!.address, 5n] });
    const { result } = await client.simulateContract({
      address: c.nodeInterface!,
      abi: nodeInterfaceAbi,
      functionName: 'gasEstimateComponents',
      args: [usdt, false, data],
      account: user.address,
    });
    const [gasEstimate, gasEstimateForL1, baseFee, l1BaseFeeEstimate] = result;
    const block = await client.getBlock();
    expect(l1BaseFeeEstimate).toBe(L1_FEE_PARAMS.l1BaseFee);
    expect(baseFee).toBeGreaterThan(0n);
    expect(baseFee).toBeLessThanOrEqual(block.baseFeePerGas! * 2n);
    expect(gasEstimateForL1).toBe(((BigInt(data.length / 2 - 1) + 140n) * 16n * l1BaseFeeEstimate) / baseFee);
    // The L2 part tracks anvil's own estimate of the same transfer (sender differs, so allow slack).
    const l2 = gasEstimate - gasEstimateForL1;
    const anvilEstimate = await client.estimateGas({ account: user.address, to: usdt, data });
    expect(gasEstimate).toBeGreaterThan(gasEstimateForL1);
    expect(Number(l2)).toBeGreaterThan(Number(anvilEstimate) * 0.7);
    expect(Number(l2)).toBeLessThan(Number(anvilEstimate) * 1.3);
    await expect(
      client.simulateContract({ address: c.nodeInterface!, abi: nodeInterfaceAbi, functionName: 'gasEstimateComponents', args: [usdt, false, toHex(pad('0x01', { size: 4 }))], account: user.address }),
    ).rejects.toThrow();
  });
});
