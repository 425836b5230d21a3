import { defineMessage } from './defineMessage';
import { MessageError } from './MessageError';
import { readAddress, readBoolean, readObject, readString } from './validation';

/**
 * Approve or reject one pending request. `accounts` is for 'connect'/'permissions' (which accounts the
 * site may see; default: the selected one). Errors: UNKNOWN_APPROVAL, LOCKED (approving needs unlock),
 * APPROVAL_BLOCKED (approving a blocked request). The result of the dApp call is not returned here.
 */
export type ApprovalsResolveInput = { id: string; approved: boolean; accounts?: `0x${string}`[] };

export const approvalsResolve = defineMessage<ApprovalsResolveInput, null>()({
  type: 'approvals/resolve',
  validate: (input) => {
    const obj = readObject(input);
    const out: ApprovalsResolveInput = { id: readString(obj, 'id', { maxLength: 64 }), approved: readBoolean(obj, 'approved') };
    if (obj.accounts !== undefined) {
      if (!Array.isArray(obj.accounts) || obj.accounts.length === 0 || obj.accounts.length > 100) {
        throw new MessageError('INVALID_INPUT', 'accounts must be a non-empty array of addresses', { details: { field: 'accounts' } });
      }
      out.accounts = obj.accounts.map((a, i) => readAddress({ [`accounts[${i}]`]: a }, `accounts[${i}]`));
    }
    return out;
  },
});
