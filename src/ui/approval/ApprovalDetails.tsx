import { Address, Amount, Badge, Card, ChainChip, Row } from '../design';
import type { Address as Addr, Approval, TypedDataField, WalletState } from '../walletApi';

/** The rest of the sentence after the site's origin: what it asks, in plain words. */
export function approvalSentence(approval: Approval, chainName?: string): string {
  switch (approval.kind) {
    case 'connect':
      return 'wants to connect to your wallet.';
    case 'permissions':
      return 'asks for permissions.';
    case 'personal_sign':
      return approval.params.siwe ? 'asks you to sign in with your account.' : 'asks you to sign a message.';
    case 'typed_data':
      return `asks you to sign structured data (${approval.params.primaryType}).`;
    case 'send_transaction':
      return `wants to send a transaction on ${chainName ?? `chain ${approval.chainId}`}.`;
    case 'switch_chain':
      return `wants to switch the network to ${approval.params.chainName}.`;
    case 'add_chain':
      return `wants to add the network ${approval.params.chainName}.`;
    case 'watch_asset':
      return `wants to add the token ${approval.params.symbol} to your wallet.`;
    case 'send_calls':
      return `wants to send ${approval.params.calls.length} call${approval.params.calls.length === 1 ? '' : 's'} on ${chainName ?? `chain ${approval.chainId}`}.`;
  }
}

type DetailsProps = { approval: Approval; state: WalletState; accounts: Addr[]; onAccounts: (a: Addr[]) => void };

export function ApprovalDetails({ approval, state, accounts, onAccounts }: DetailsProps) {
  const chain = state.chains.find((c) => c.chainId === approval.chainId);
  const symbol = chain?.nativeCurrency?.symbol ?? 'ETH';
  const decimals = chain?.nativeCurrency?.decimals ?? 18;
  const nameOf = (address: string) => state.accounts.find((a) => a.address.toLowerCase() === address.toLowerCase())?.name;

  switch (approval.kind) {
    case 'connect':
    case 'permissions':
      return (
        <div className="stack">
          <Card>
            <p>If you connect, this site will see the address and balances of the accounts you choose, and it may ask you to sign messages and send transactions. It cannot move funds without your approval.</p>
          </Card>
          <fieldset className="account-choice">
            <legend className="card-title">Accounts this site can see</legend>
            {state.accounts.map((a) => {
              const checked = accounts.includes(a.address);
              return (
                <label key={a.address} className="choice-row">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => onAccounts(checked ? accounts.filter((x) => x !== a.address) : [...accounts, a.address])}
                    data-testid="approval-account"
                  />
                  <span className="grow">
                    <strong>{a.name}</strong> <Address address={a.address} />
                  </span>
                </label>
              );
            })}
            {accounts.length === 0 && <span className="error small">Choose at least one account.</span>}
          </fieldset>
        </div>
      );
    case 'personal_sign': {
      const p = approval.params;
      return (
        <div className="stack">
          <Row label="Signing as" value={<span className="inline">{nameOf(p.address) && <strong>{nameOf(p.address)}</strong>}<Address address={p.address} /></span>} />
          {p.siwe && (
            <Card title="Sign-In with Ethereum">
              <Row label="Domain" value={<span className="mono">{p.siwe.domain}</span>} />
              <Row stacked label="URI" value={<span className="mono small">{p.siwe.uri}</span>} />
              <Row label="Chain" value={String(p.siwe.chainId)} />
              {p.siwe.expirationTime && <Row label="Expires" value={p.siwe.expirationTime} />}
            </Card>
          )}
          <Card title={p.text === null ? 'Message (raw bytes, not text)' : 'Message'}>
            <pre className="message" data-testid="approval-message">
              {p.text ?? p.raw}
            </pre>
          </Card>
        </div>
      );
    }
    case 'typed_data': {
      const p = approval.params;
      const d = p.domain;
      return (
        <div className="stack">
          <Row label="Signing as" value={<span className="inline">{nameOf(p.address) && <strong>{nameOf(p.address)}</strong>}<Address address={p.address} /></span>} />
          <Card title="Domain">
            {d.name !== undefined && <Row label="Name" value={d.name} />}
            {d.version !== undefined && <Row label="Version" value={d.version} />}
            {d.chainId !== undefined && <Row label="Chain id" value={String(d.chainId)} />}
            {d.verifyingContract !== undefined && <Row stacked label="Verifying contract" value={<span className="mono small whole">{d.verifyingContract}</span>} />}
            {d.salt !== undefined && <Row stacked label="Salt" value={<span className="mono small whole">{d.salt}</span>} />}
          </Card>
          <Card title={`Message · ${p.primaryType}`}>
            <FieldTree fields={p.fields} />
          </Card>
        </div>
      );
    }
    case 'send_transaction': {
      const p = approval.params;
      const dataBytes = (p.data.length - 2) / 2;
      return (
        <div className="stack">
          <Card>
            <Row label="From" value={<Address address={p.from} />} />
            <Row stacked label="To" value={p.to ? <span className="mono small whole">{p.to}</span> : <Badge tone="warn">new contract</Badge>} />
            <Row label="Amount" value={<Amount value={p.value} decimals={decimals} symbol={p.nativeSymbol || symbol} testId="approval-value" />} />
            <Row label="Network fee (at most)" value={<Amount value={p.maxFee} decimals={decimals} symbol={p.nativeSymbol || symbol} maxFractionDigits={8} />} sub={`gas limit ${p.gas} · nonce ${p.nonce}`} />
          </Card>
          {dataBytes > 0 && (
            <Card title={`Data · ${dataBytes} bytes`}>
              <pre className="message mono small">{p.data}</pre>
            </Card>
          )}
        </div>
      );
    }
    case 'switch_chain': {
      const p = approval.params;
      const from = state.chains.find((c) => c.chainId === p.fromChainId);
      const to = state.chains.find((c) => c.chainId === p.toChainId);
      return (
        <Card>
          <Row label="From" value={<ChainChip chainId={p.fromChainId} name={from?.name} framework={from?.framework} />} />
          <Row label="To" value={<ChainChip chainId={p.toChainId} name={to?.name ?? p.chainName} framework={to?.framework} />} />
        </Card>
      );
    }
    case 'add_chain': {
      const p = approval.params;
      return (
        <Card>
          <Row label="Network" value={p.chainName} />
          <Row label="Chain id" value={String(p.chainId)} />
          <Row stacked label="RPC URL" value={<span className="mono small whole">{p.rpcUrl}</span>} />
          <Row label="Currency" value={`${p.nativeCurrency.name} (${p.nativeCurrency.symbol}, ${p.nativeCurrency.decimals} decimals)`} />
          {p.blockExplorerUrl && <Row stacked label="Explorer" value={<span className="mono small whole">{p.blockExplorerUrl}</span>} />}
        </Card>
      );
    }
    case 'watch_asset': {
      const p = approval.params;
      return (
        <Card>
          <Row label="Token" value={<strong>{p.symbol}</strong>} />
          <Row stacked label="Contract" value={<span className="mono small whole">{p.address}</span>} />
          <Row label="Decimals" value={String(p.decimals)} />
        </Card>
      );
    }
    case 'send_calls': {
      const p = approval.params;
      return (
        <div className="stack">
          <Row label="From" value={<Address address={p.from} />} />
          {p.atomicRequired && (
            <p className="small muted">The site asked for all calls to run atomically; this wallet sends them one after another.</p>
          )}
          {p.calls.map((c, i) => (
            <Card key={i} title={`Call ${i + 1}`}>
              <Row stacked label="To" value={c.to ? <span className="mono small whole">{c.to}</span> : <Badge tone="warn">new contract</Badge>} />
              <Row label="Amount" value={<Amount value={c.value} decimals={decimals} symbol={symbol} />} />
              {c.data !== '0x' && <pre className="message mono small">{c.data}</pre>}
            </Card>
          ))}
        </div>
      );
    }
  }
}

function FieldTree({ fields }: { fields: TypedDataField[] }) {
  return (
    <dl className="field-tree">
      {fields.map((f, i) => (
        <div key={`${f.name}-${i}`} className="field-node">
          <dt>
            {f.name} <span className="muted small">{f.type}</span>
          </dt>
          <dd>{Array.isArray(f.value) ? <FieldTree fields={f.value} /> : <span className="mono small whole">{f.value}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
