import { useState } from 'react';
import { Address, Badge, Banner, Button, Row, Sheet } from '../design';
import { addAccount, renameAccount, selectAccount, type Address as Addr, type WalletState } from '../walletApi';
import { describeError } from '../errors';

export function AccountsSheet({ state, onClose }: { state: WalletState; onClose: () => void }) {
  const [editing, setEditing] = useState<Addr | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Sheet title="Accounts" onClose={onClose} testId="accounts-sheet">
      <div className="stack">
        {error && <Banner tone="danger">{error}</Banner>}
        <div>
          {state.accounts.map((a) =>
            editing === a.address ? (
              <form
                key={a.address}
                className="inline row"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(async () => {
                    await renameAccount(a.address, name.trim());
                    setEditing(null);
                  });
                }}
              >
                <label className="visually-hidden" htmlFor="rename-input">
                  Account name
                </label>
                <input id="rename-input" autoFocus maxLength={64} value={name} onChange={(e) => setName(e.target.value)} data-testid="account-rename-input" />
                <Button type="submit" size="sm" variant="primary" disabled={!name.trim()} busy={busy}>
                  Save
                </Button>
              </form>
            ) : (
              <Row
                key={a.address}
                label={
                  <span className="inline">
                    <strong>{a.name}</strong>
                    {a.kind === 'imported' && <Badge>imported</Badge>}
                    {a.address === state.selectedAddress && <Badge tone="accent">selected</Badge>}
                  </span>
                }
                sub={<Address address={a.address} />}
                value={
                  <span className="inline">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setEditing(a.address);
                        setName(a.name);
                      }}
                      aria-label={`Rename ${a.name}`}
                    >
                      Rename
                    </Button>
                    {a.address !== state.selectedAddress && (
                      <Button size="sm" onClick={() => void run(() => selectAccount(a.address).then(onClose))} data-testid="account-select" aria-label={`Use ${a.name}`}>
                        Use
                      </Button>
                    )}
                  </span>
                }
              />
            ),
          )}
        </div>
        <Button variant="primary" block busy={busy} onClick={() => void run(() => addAccount())} data-testid="account-add">
          Add account
        </Button>
      </div>
    </Sheet>
  );
}
