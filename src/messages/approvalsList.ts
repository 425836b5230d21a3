import type { Approval } from '../core/rpc/approval';
import { defineMessage } from './defineMessage';
import { readEmpty } from './validation';

export type {
  AddChainParams,
  Approval,
  ApprovalBlock,
  ApprovalKind,
  ApprovalParamsByKind,
  ApprovalWarning,
  ConnectParams,
  PermissionsParams,
  PersonalSignParams,
  SendCallsParams,
  SendTransactionParams,
  SiweFields,
  SwitchChainParams,
  TypedDataField,
  TypedDataParams,
  WatchAssetParams,
} from '../core/rpc/approval';

/** Oldest first. Works while locked (the approval window shows unlock, then the first request). */
export const approvalsList = defineMessage<Record<string, never>, Approval[]>()({
  type: 'approvals/list',
  validate: readEmpty,
});
