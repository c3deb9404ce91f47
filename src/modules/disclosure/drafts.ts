import type { Tx } from '../../db/database.js';
import { disclosureWords, filled } from '../../i18n/index.js';
import { badRequest } from '../../lib/errors.js';
import { isSealed, open, piiKeys } from '../privacy/index.js';
import { categoryAncestors } from './figures.js';
import type { PersonalValues, PublicationTexts } from './rules.js';

/** A complaint chosen for publication: what the draft is written from, and the values it must never contain. */
export interface Chosen {
  id: number;
  number: string;
  texts: PublicationTexts;
  personal: PersonalValues;
}

interface Judged {
  category_id: number;
  liable_party: string | null;
  liability_degree: string | null;
  validity: string | null;
  validity_kind: string | null;
}

/**
 * The first publication texts of a judged complaint, written only from codes (category names,
 * liable party, degree, validity, remedy kinds) — never from a field a person typed.
 */
export function draftTexts(c: Judged, category: string, remedies: string[]): PublicationTexts {
  const w = disclosureWords('zh-CN');
  const word = (key: string) => w[key] ?? key;
  const degree =
    c.liability_degree && c.liable_party === 'company'
      ? filled(word('draft.degree'), { degree: word(`degree.${c.liability_degree}`) })
      : '';
  const party = c.liable_party ? word(`liable.${c.liable_party}`) : word('liable.none');
  return {
    category,
    cause: filled(word('draft.cause'), { party, degree }),
    result:
      c.validity === 'valid'
        ? filled(word('draft.valid'), { kind: word(`validKind.${c.validity_kind ?? 'minor_slip'}`) })
        : word('draft.invalid'),
    measures: remedies.length
      ? filled(word('draft.measures'), { measures: remedies.map(word).join(word('draft.separator')) })
      : word('draft.noMeasures'),
  };
}

/** The complaints by number with their drafts and personal values: two statements for any number of them. */
export async function chosenComplaints(tx: Tx, secret: Buffer, numbers: string[]): Promise<Chosen[]> {
  if (!numbers.length) return [];
  const rows = await tx
    .selectFrom('complaints')
    .select([
      'id',
      'number',
      'category_id',
      'liable_party',
      'liability_degree',
      'validity',
      'validity_kind',
      'complainant_name',
      'complainant_phone',
      'complainant_email',
      'waybill_no',
      'order_no',
      'batch_no',
    ])
    .where('number', 'in', numbers)
    .execute();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const found = numbers.map((number, i) => {
    const c = byNumber.get(number);
    if (!c)
      throw badRequest('validation_failed', [{ path: `/complaintNumbers/${i}`, code: 'unknown_complaint' }]);
    if (!c.validity)
      throw badRequest('validation_failed', [{ path: `/complaintNumbers/${i}`, code: 'not_judged' }]);
    return c;
  });
  const remedies = await tx
    .selectFrom('remedy_proposals')
    .select(['complaint_id', 'kinds', 'internal_actions'])
    .where(
      'complaint_id',
      'in',
      found.map((c) => c.id),
    )
    .where('status', '=', 'approved')
    .execute();
  const measures = new Map<number, string[]>();
  for (const r of remedies) {
    const list = measures.get(r.complaint_id) ?? [];
    const kinds = JSON.parse(r.kinds) as string[];
    const internal = JSON.parse(r.internal_actions) as string[];
    list.push(...kinds.map((k) => `remedy.${k}`), ...internal.map((k) => `internal.${k}`));
    measures.set(r.complaint_id, list);
  }
  const categories = await categoryAncestors(tx);
  const keys = piiKeys(secret);
  const opened = (v: string | null) => (v && isSealed(v) ? open(keys, v) : v);
  return found.map((c) => {
    const names = [categories.level1(c.category_id), categories.level2(c.category_id)].filter((x) => !!x);
    return {
      id: c.id,
      number: c.number,
      texts: draftTexts(c, names.map((x) => x.zh).join(' / '), [...new Set(measures.get(c.id) ?? [])]),
      personal: {
        number: c.number,
        name: c.complainant_name,
        phone: opened(c.complainant_phone),
        email: opened(c.complainant_email),
        waybill: c.waybill_no,
        order: c.order_no,
        batch: c.batch_no,
      },
    };
  });
}
