import type { Tx } from '../../db/database.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import type { SubjectKind } from './rules.js';
import type { Revision } from './schemas.js';

const JUDGEMENT_FIELDS = [
  'validity',
  'validityKind',
  'invalidReason',
  'responsibleUnitId',
  'responsibleUserId',
  'responsiblePartyId',
] as const;

const activeRow = async (tx: Tx, table: 'units' | 'users' | 'external_parties', id: number) =>
  (await tx.selectFrom(table).select('active').where('id', '=', id).executeTakeFirst())?.active === 1;

/** A 'partly' outcome's change must fit its subject and name active units, users and parties. */
export async function checkRevision(tx: Tx, kind: SubjectKind, r: Revision): Promise<void> {
  const problems: FieldProblem[] = [];
  if (kind === 'quality_check') {
    if (r.revisedScore === undefined) problems.push({ path: '/revision/revisedScore', code: 'required' });
    for (const f of JUDGEMENT_FIELDS)
      if (r[f] !== undefined)
        problems.push({ path: `/revision/${f}`, code: 'not_allowed_for_quality_check' });
  } else {
    if (r.revisedScore !== undefined)
      problems.push({ path: '/revision/revisedScore', code: 'not_allowed_for_judgement' });
    if (!JUDGEMENT_FIELDS.some((f) => r[f] !== undefined))
      problems.push({ path: '/revision', code: 'required' });
    if (r.validity === 'valid' && !r.validityKind)
      problems.push({ path: '/revision/validityKind', code: 'required_when_valid' });
    const refs = [
      ['units', r.responsibleUnitId, '/revision/responsibleUnitId', 'unknown_unit'],
      ['users', r.responsibleUserId, '/revision/responsibleUserId', 'unknown_user'],
      ['external_parties', r.responsiblePartyId, '/revision/responsiblePartyId', 'unknown_party'],
    ] as const;
    for (const [table, id, path, code] of refs)
      if (typeof id === 'number' && !(await activeRow(tx, table, id))) problems.push({ path, code });
  }
  if (problems.length) throw badRequest('validation_failed', problems);
}
