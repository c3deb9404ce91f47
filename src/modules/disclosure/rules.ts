/** The history stream of a month's disclosure (its own hash chain). */
export const DISCLOSURE_STREAM = 'disclosure';

/** The figures an admin may choose to publish; all are computed when the month is prepared. */
export const FIGURE_NAMES = [
  'received',
  'byCategory1',
  'byCategory2',
  'resolutionRate',
  'onTimeRate',
  'validShare',
  'satisfaction',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export const TEXT_FIELDS = ['category', 'cause', 'result', 'measures'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type PublicationTexts = Record<TextField, string>;

/** A complaint's personal values: none of them may appear in a text meant for the public. */
export interface PersonalValues {
  number: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  waybill: string | null;
  order: string | null;
  batch: string | null;
}

export interface TextProblem {
  field: TextField;
  code: 'personal_value' | 'phone_like' | 'email_like' | 'number_like';
  kind?: keyof PersonalValues;
}

const squeeze = (s: string) => s.replace(/[\s\-－—_.·()（）]/g, '').toLowerCase();
/** Seven or more digits, possibly split by spaces or dashes: a phone, ID, waybill or order number. */
const DIGIT_RUN = /\d(?:[\s\-－]?\d){6,}/;
/** Dates and times (2026-03-13, 2026/3/13 14:30) are no one's number: left out of the digit checks. */
const DATE_TIME = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2})?/g;
const EMAIL = /[^\s@＠]+[@＠][^\s@＠]+\.[^\s@＠]+/;
/** A code of letters and digits with at least five digits (SF1234567, JD0012345678): a waybill or order. */
const CODE = /\b(?=[A-Za-z0-9]*\d{5})[A-Za-z]{1,6}[A-Za-z0-9-]{5,}\b/;

function personalHit(text: string, values: PersonalValues): keyof PersonalValues | undefined {
  const flat = squeeze(text);
  const digits = text.replace(/\D/g, '');
  for (const kind of Object.keys(values) as (keyof PersonalValues)[]) {
    const value = values[kind];
    if (!value) continue;
    if (kind === 'name') {
      // A name of two characters or more, anywhere, also with spaces in it (张 三).
      if (value.trim().length >= 2 && flat.includes(squeeze(value))) return kind;
      continue;
    }
    if (kind === 'phone') {
      const phone = value.replace(/\D/g, '');
      if (phone.length >= 7 && digits.includes(phone.slice(-7))) return kind;
      continue;
    }
    if (squeeze(value).length >= 4 && flat.includes(squeeze(value))) return kind;
  }
  return undefined;
}

/**
 * What makes a publication text unfit for the public: a personal value of the complaint, or
 * anything shaped like a phone number, an e-mail address or a waybill/order number. One problem per field.
 */
export function textProblems(texts: PublicationTexts, values: PersonalValues): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const field of TEXT_FIELDS) {
    const text = texts[field];
    const kind = personalHit(text, values);
    if (kind) problems.push({ field, code: 'personal_value', kind });
    else if (EMAIL.test(text)) problems.push({ field, code: 'email_like' });
    else if (CODE.test(text)) problems.push({ field, code: 'number_like' });
    else if (DIGIT_RUN.test(text.replace(DATE_TIME, ' '))) problems.push({ field, code: 'phone_like' });
  }
  return problems;
}
