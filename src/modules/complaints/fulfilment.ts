import { REMEDY_KINDS } from '../../domain/complaint-model.js';
import type { FieldProblem } from '../../lib/errors.js';
import type { CostShareInput, FulfilmentSettings, ProofInput } from './fulfilment-schemas.js';

/** Who may bear a remedy's cost (费用承担): the call-centre procedure lets the employee bear it. */
export const COST_BEARERS = ['company', 'unit', 'partner', 'supplier', 'employee'] as const;

type FulfilledKind = Exclude<(typeof REMEDY_KINDS)[number], 'explanation' | 'apology'>;
/** The remedies with something to carry out; an explanation or an apology is done in the reply itself. */
export const FULFILLED_KINDS: readonly FulfilledKind[] = REMEDY_KINDS.filter(
  (k): k is FulfilledKind => k !== 'explanation' && k !== 'apology',
);

export const needsFulfilment = (kinds: readonly string[]) =>
  kinds.some((k) => (FULFILLED_KINDS as readonly string[]).includes(k));

/** The proof each kind of remedy is carried out with (退款流水号, 补寄运单号, 券码 …). */
export const PROOF_FIELD: Record<FulfilledKind, Exclude<keyof ProofInput, 'evidenceId'>> = {
  refund: 'refundReference',
  reship: 'waybillNo',
  coupon: 'voucherCode',
  compensation: 'paymentReference',
  replacement: 'note',
  repair: 'note',
  gift: 'note',
};

/** The proof fields a remedy of `kinds` needs that `proof` lacks, as field problems. */
export function missingProof(kinds: readonly string[], proof: ProofInput | undefined): FieldProblem[] {
  const wanted = new Set(kinds.flatMap((k) => (k in PROOF_FIELD ? [PROOF_FIELD[k as FulfilledKind]] : [])));
  return [...wanted]
    .filter((field) => !proof?.[field]?.trim())
    .map((field) => ({ path: `/proof/${field}`, code: 'required' }));
}

/** Cost shares must add up to the remedy's amount; each names whom it is for when that is not the company. */
export function costShareProblems(
  shares: readonly CostShareInput[],
  amount: number,
  at = '/costShares',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  shares.forEach((s, i) => {
    const named = s.name !== undefined || s.unitId !== undefined || s.userId !== undefined;
    if (s.bearer !== 'company' && !named) problems.push({ path: `${at}/${i}/name`, code: 'required' });
  });
  const total = shares.reduce((sum, s) => sum + s.amount, 0);
  if (shares.length && total !== amount)
    problems.push({ path: at, code: 'cost_shares_sum', params: { total, amount } });
  return problems;
}

export const DEFAULT_FULFILMENT_SETTINGS: FulfilmentSettings = { beforeReply: 'name', workingDays: 2 };
export const FULFILMENT_SETTING = 'remedy_fulfilment';
