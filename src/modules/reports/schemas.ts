import { type Static, Type } from 'typebox';
import { REPORT_KINDS } from './periods.js';

const Day = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'YYYY-MM-DD',
});
const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
const When = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ReportView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(REPORT_KINDS),
  from: Day,
  to: Day,
  unit: Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: nullable(Type.String()) }),
  locale: Locale,
  status: Type.Union([Type.Literal('queued'), Type.Literal('ready'), Type.Literal('failed')]),
  requestedBy: nullable(Type.String({ description: 'who asked for it; null for a periodic report' })),
  createdAt: When,
  finishedAt: nullable(When),
  error: nullable(Type.String()),
  summary: Type.Array(Type.String(), { description: 'the summary written from the figures' }),
  pdfSize: nullable(Type.Integer({ description: 'bytes' })),
  xlsxSize: nullable(Type.Integer({ description: 'bytes' })),
});
export type ReportViewItem = Static<typeof ReportView>;

export const ReportList = Type.Object({
  items: Type.Array(ReportView),
  nextCursor: nullable(Type.String()),
});

export const ReportListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ReportListInput = Static<typeof ReportListQuery>;

export const ReportRequest = Type.Object(
  {
    from: Day,
    to: Day,
    unitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a unit subtree you may see (default: your unit, or all)' }),
    ),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type ReportRequestInput = Static<typeof ReportRequest>;

export const ReportAccepted = Type.Object({ id: Type.Integer() });

export const ReportParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ReportFileParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
});

export const Recipient = Type.Object(
  {
    unitId: Type.Integer({ minimum: 1, description: 'whose periodic reports (the unit’s subtree)' }),
    userId: Type.Optional(Type.Integer({ minimum: 1, description: 'a user, mailed at their e-mail' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'an extra address' })),
    locale: Locale,
  },
  { additionalProperties: false },
);
export type RecipientInput = Static<typeof Recipient>;

export const Recipients = Type.Object(
  { items: Type.Array(Recipient, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type RecipientsInput = Static<typeof Recipients>;
