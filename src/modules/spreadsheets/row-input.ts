import { Compile } from 'typebox/compile';
import type { FieldProblem } from '../../lib/errors.js';
import { schemas } from '../complaints/index.js';
import { type CellValue, cellInstant, cellList, cellText, yuanToFen } from './cells.js';
import type { ColumnKey } from './columns.js';
import {
  CHANNEL_LABELS,
  codeOf,
  DEMAND_LABELS,
  LANGUAGE_LABELS,
  type Labels,
  PRIORITY_LABELS,
} from './vocabulary.js';

type RegisterInput = schemas.RegisterInput;

/** One field of one row that is wrong; `code` is an i18n field code. */
export interface RowProblem {
  field: ColumnKey | null;
  code: string;
  params?: Record<string, unknown>;
}

/** What a row refers to by name, loaded once per import. */
export interface ImportLookups {
  /** Active categories by code. */
  categories: Map<string, number>;
  /** Active units: ids, and the ids carrying each (Chinese or English) name. */
  unitIds: Set<number>;
  unitsByName: Map<string, number[]>;
  timeZone: string;
}

/** Where each field of RegisterBody comes from in the sheet (longest prefix wins). */
const FIELD_OF_PATH: Array<[string, ColumnKey]> = [
  ['/externalRef', 'externalRef'],
  ['/channel', 'channel'],
  ['/receivedAt', 'receivedAt'],
  ['/complainant/name', 'name'],
  ['/complainant/phone', 'phone'],
  ['/complainant/email', 'email'],
  ['/complainant/locale', 'language'],
  ['/complainant', 'name'],
  ['/title', 'title'],
  ['/content', 'content'],
  ['/demands', 'demands'],
  ['/demandAmount', 'demandAmount'],
  ['/waybillNo', 'waybill'],
  ['/orderNo', 'order'],
  ['/store', 'store'],
  ['/product', 'product'],
  ['/batchNo', 'batch'],
  ['/region', 'region'],
  ['/categoryId', 'category'],
  ['/priority', 'priority'],
  ['/unitId', 'unit'],
  ['/referral/number', 'referralNo'],
  ['/referral/authority', 'referralAuthority'],
  ['/referral/dueAt', 'referralDue'],
  ['/referral', 'referralNo'],
  ['/tags', 'tags'],
];

/** The sheet column behind a JSON pointer into RegisterBody. */
export function fieldOfPath(p: string): ColumnKey | null {
  const hit = FIELD_OF_PATH.filter(([prefix]) => p === prefix || p.startsWith(`${prefix}/`)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  return hit ? hit[1] : null;
}

export function problemsFromFields(fields: FieldProblem[]): RowProblem[] {
  return fields.map((f) => ({
    field: fieldOfPath(f.path),
    code: f.code,
    ...(f.params ? { params: f.params } : {}),
  }));
}

const registerBody = Compile(schemas.RegisterBody);

/** RegisterBody's own checks (lengths, phone pattern, e-mail format, vocabularies), as row problems. */
function schemaProblems(input: RegisterInput): RowProblem[] {
  const out: RowProblem[] = [];
  for (const e of registerBody.Errors(input)) {
    if (e.keyword === 'required') {
      const required = (e.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const p of required) out.push({ field: fieldOfPath(`${e.instancePath}/${p}`), code: 'required' });
    } else if (e.keyword !== 'boolean' && e.keyword !== 'anyOf' && e.keyword !== 'additionalProperties') {
      out.push({
        field: fieldOfPath(e.instancePath),
        code: e.keyword,
        params: e.params as Record<string, unknown>,
      });
    }
  }
  return out;
}

/**
 * One sheet row as a registration, or what is wrong with it. Checks what needs no database; the
 * registration itself checks the rest (contact given, unit, dispatch) and its problems map back
 * through `problemsFromFields`.
 */
export function rowToInput(
  row: Partial<Record<ColumnKey, CellValue>>,
  lookups: ImportLookups,
): { input: RegisterInput; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: ColumnKey, code: string, params?: Record<string, unknown>) =>
    problems.push({ field, code, ...(params ? { params } : {}) });
  const text = (key: ColumnKey) => cellText(row[key]);
  const instant = (key: ColumnKey): string | undefined => {
    if (row[key] === undefined) return undefined;
    const at = cellInstant(row[key], lookups.timeZone);
    if (at === undefined) problem(key, 'invalid_date');
    return at === undefined ? undefined : new Date(at).toISOString();
  };
  const vocabulary = <T extends string>(key: ColumnKey, labels: Labels<T>) => {
    const raw = text(key);
    if (raw === undefined) return undefined;
    const code = codeOf(labels, raw);
    if (code === undefined) problem(key, 'unknown_value', { values: [raw] });
    return code;
  };

  // Optional for an API caller, required of a sheet: it is what makes a second import add nothing.
  if (text('externalRef') === undefined) problem('externalRef', 'required');
  const channel = vocabulary('channel', CHANNEL_LABELS);
  const priority = vocabulary('priority', PRIORITY_LABELS);
  const locale = vocabulary('language', LANGUAGE_LABELS);
  const demandTexts = cellList(row.demands);
  const demands = demandTexts.map((d) => codeOf(DEMAND_LABELS, d));
  const unknownDemands = demandTexts.filter((_, i) => demands[i] === undefined);
  if (unknownDemands.length) problem('demands', 'unknown_value', { values: unknownDemands });

  let demandAmount: number | undefined;
  if (row.demandAmount !== undefined) {
    demandAmount = yuanToFen(row.demandAmount);
    if (demandAmount === undefined) problem('demandAmount', 'invalid_amount');
  }

  const categoryCode = text('category');
  const categoryId = categoryCode === undefined ? undefined : lookups.categories.get(categoryCode.trim());
  if (categoryCode !== undefined && categoryId === undefined) problem('category', 'unknown_category');

  let unitId: number | undefined;
  const unit = text('unit');
  if (unit !== undefined) {
    const byName = lookups.unitsByName.get(unit) ?? [];
    if (/^\d+$/.test(unit) && lookups.unitIds.has(Number(unit))) unitId = Number(unit);
    else if (byName.length === 1) unitId = byName[0];
    else problem('unit', byName.length > 1 ? 'ambiguous_unit' : 'unknown_unit');
  }

  const receivedAt = instant('receivedAt');
  const referralNo = text('referralNo');
  const referralAuthority = text('referralAuthority');
  const referralDue = instant('referralDue');
  const phone = text('phone')?.replace(/\s+/g, '');
  const email = text('email');
  const tags = cellList(row.tags);

  // Absent values stay absent, so that RegisterBody reports a missing required field as `required`.
  const input = {
    externalRef: text('externalRef'),
    channel,
    receivedAt,
    complainant: {
      name: text('name'),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(locale ? { locale } : {}),
    },
    title: text('title'),
    content: text('content'),
    ...(demands.length && !unknownDemands.length ? { demands } : {}),
    demandAmount,
    waybillNo: text('waybill'),
    orderNo: text('order'),
    store: text('store'),
    product: text('product'),
    batchNo: text('batch'),
    region: text('region'),
    categoryId,
    priority,
    unitId,
    ...(tags.length ? { tags } : {}),
    ...(referralNo || referralAuthority || referralDue
      ? { referral: { number: referralNo, authority: referralAuthority, dueAt: referralDue } }
      : {}),
  };
  const defined = dropUndefined(input) as RegisterInput;
  // A field already reported (unknown category code) is not reported again as missing.
  const reported = new Set(problems.map((p) => p.field));
  for (const p of schemaProblems(defined)) if (!reported.has(p.field)) problems.push(p);
  return { input: defined, problems };
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, dropUndefined(v)]),
  );
}
