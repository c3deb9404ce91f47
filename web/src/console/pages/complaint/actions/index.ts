import type { ComponentType } from 'react';
import { AcceptAction } from './AcceptAction';
import type { ActionProps } from './ActionForm';
import { ApproveAction } from './ApproveAction';
import { ArchiveAction } from './ArchiveAction';
import { AssessAction } from './AssessAction';
import { AssignAction } from './AssignAction';
import { ConfirmAction } from './ConfirmAction';
import { ContactAction } from './ContactAction';
import { EscalateAction } from './EscalateAction';
import { FulfilAction } from './FulfilAction';
import { InvalidateAction } from './InvalidateAction';
import { JudgeAction } from './JudgeAction';
import { LinkAction } from './LinkAction';
import { MergeAction } from './MergeAction';
import { ProposeAction } from './ProposeAction';
import { RejectAction } from './RejectAction';
import { ReopenAction } from './ReopenAction';
import { ReplyAction } from './ReplyAction';
import { RequestInfoAction } from './RequestInfoAction';
import { ResumeAction } from './ResumeAction';
import { StartAction } from './StartAction';
import { TransferAction } from './TransferAction';
import { UpdateAction } from './UpdateAction';
import { WithdrawAction } from './WithdrawAction';

export type { ActionProps, Values } from './ActionForm';

/** Each action's form, in the order of the buttons: the main path first, side paths after. */
export const ACTION_FORMS = {
  update: UpdateAction,
  accept: AcceptAction,
  assign: AssignAction,
  start: StartAction,
  judge: JudgeAction,
  assess: AssessAction,
  propose: ProposeAction,
  approve: ApproveAction,
  reject: RejectAction,
  fulfil: FulfilAction,
  reply: ReplyAction,
  confirm: ConfirmAction,
  archive: ArchiveAction,
  request_info: RequestInfoAction,
  resume: ResumeAction,
  contact: ContactAction,
  transfer: TransferAction,
  escalate: EscalateAction,
  reopen: ReopenAction,
  link: LinkAction,
  merge: MergeAction,
  withdraw: WithdrawAction,
  invalidate: InvalidateAction,
} satisfies Record<string, ComponentType<ActionProps>>;
export type FormAction = keyof typeof ACTION_FORMS;

/** Actions that end or fold away the complaint: set apart, in danger style, confirmed before their form opens. */
export const RISKY: readonly FormAction[] = ['merge', 'withdraw', 'invalidate'];
/** The next step on the main path. */
export const PRIMARY: readonly FormAction[] = ['accept', 'start', 'approve', 'reply', 'archive'];
