/** The complaint lists (工作台, 我的待办, search): what they take and what each item shows. */
import { type Static, type TSchema, Type } from 'typebox';
import { CHANNELS, GRADES, PRIORITIES, STATUSES } from '../../domain/complaint-model.js';

const list = <T extends string[]>(values: readonly [...T]) => Type.Enum(values);

/** `dueAt`: most urgent first — the nearest running deadline, overdue first; complaints without one last. */
export const SORTS = ['-receivedAt', 'receivedAt', '-updatedAt', 'updatedAt', 'priority', 'dueAt'] as const;
export type Sort = (typeof SORTS)[number];
const csv = (description: string) => Type.Optional(Type.String({ maxLength: 500, description }));

export const ListQuery = Type.Object(
  {
    status: csv(`comma-separated: ${STATUSES.join(', ')}`),
    priority: csv('comma-separated P1..P4'),
    grade: Type.Optional(list(GRADES)),
    categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'the category and its subtree' })),
    unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the responsible unit and its subtree' })),
    assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
    channel: csv(`comma-separated: ${CHANNELS.join(', ')}`),
    receivedFrom: Type.Optional(Type.String({ format: 'date-time' })),
    receivedTo: Type.Optional(Type.String({ format: 'date-time' })),
    dueWithin: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100000,
        description: 'minutes: the earliest running deadline falls within them',
      }),
    ),
    overdue: Type.Optional(Type.Boolean({ description: 'the earliest running deadline has passed' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'complaint number, waybill or order number by prefix; a whole phone number or e-mail address exactly; ' +
          'any other text is a full-text search (words all match, "a phrase" verbatim, -word excluded, ' +
          'number fragments of ≥ 4 characters) and each item gains snippet: { text, marks: [[start, end)] } | null',
      }),
    ),
    customerId: Type.Optional(Type.Integer({ minimum: 1, description: "the customer's complaints" })),
    repeat: Type.Optional(
      Type.Boolean({ description: 'only repeat complaints (same customer or waybill again)' }),
    ),
    merged: Type.Optional(
      Type.Boolean({
        description:
          'false leaves out the duplicates merged into another complaint, archived since or not (as the statistics count); true lists only them',
      }),
    ),
    sort: Type.Optional(list(SORTS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ListInput = Static<typeof ListQuery>;

const date = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Where a full-text search hit the complaint: a stretch of its text and the hits in it. */
export const SnippetSchema = Type.Object({
  text: Type.String(),
  marks: Type.Array(
    Type.Array(Type.Integer({ minimum: 0 }), {
      minItems: 2,
      maxItems: 2,
      description: '[start, end) offsets into text',
    }),
  ),
});

/** One complaint of a list. */
export const ComplaintSummary = Type.Object({
  number: Type.String(),
  status: list(STATUSES),
  channel: list(CHANNELS),
  title: Type.String(),
  priority: list(PRIORITIES),
  grade: list(GRADES),
  category: Type.Object({
    id: Type.Integer(),
    nameZh: nullable(Type.String()),
    nameEn: nullable(Type.String()),
  }),
  unit: Type.Object({ id: Type.Integer(), name: nullable(Type.String()), nameEn: nullable(Type.String()) }),
  assignee: nullable(Type.Object({ id: Type.Integer(), name: nullable(Type.String()) })),
  complainantName: Type.String(),
  waybillNo: nullable(Type.String()),
  reopenCount: Type.Integer(),
  escalationLevel: Type.Integer(),
  dueAt: nullable(
    Type.String({ format: 'date-time', description: 'the nearest running deadline; null when none runs' }),
  ),
  receivedAt: date,
  updatedAt: date,
  snippet: Type.Optional(
    Type.Union([SnippetSchema, Type.Null()], { description: 'only when `q` was a full-text search' }),
  ),
});
export type ComplaintSummaryView = Static<typeof ComplaintSummary>;

export const ComplaintPage = Type.Object({
  items: Type.Array(ComplaintSummary),
  nextCursor: nullable(Type.String({ description: 'pass as `cursor` for the next page; null on the last' })),
});
