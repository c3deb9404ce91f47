import { Type } from 'typebox';
import { ListQuery } from '../complaints/schemas.js';

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['json', 'xlsx'], { description: 'the report as JSON (default) or as an xlsx workbook' }),
    ),
  },
  { additionalProperties: false },
);

const RowError = Type.Object({
  field: Type.Union([Type.String(), Type.Null()], { description: 'the field key, e.g. phone' }),
  column: Type.Union([Type.String(), Type.Null()], { description: 'the column as the sheet heads it' }),
  code: Type.String(),
  message: Type.String({ description: "in the request's language" }),
});

export const ImportReportSchema = Type.Object({
  totals: Type.Object({
    rows: Type.Integer(),
    imported: Type.Integer(),
    skipped: Type.Integer(),
    failed: Type.Integer(),
  }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'the row number the spreadsheet shows' }),
      externalRef: Type.Union([Type.String(), Type.Null()]),
      status: Type.Enum(['imported', 'skipped', 'failed']),
      number: Type.Optional(Type.String({ description: 'the complaint, imported now or before' })),
      message: Type.Optional(Type.String({ description: 'why the row was skipped' })),
      errors: Type.Optional(Type.Array(RowError)),
    }),
  ),
});

/**
 * The list's filters and sort, without paging: an export has every matching complaint. `lang` for
 * a download by link, which cannot send the console's language as a header.
 */
export const ExportQuery = Type.Object(
  {
    ...Type.Omit(ListQuery, ['limit', 'cursor']).properties,
    lang: Type.Optional(
      Type.Enum(['zh-CN', 'en'], { description: 'the language of the values; Accept-Language when absent' }),
    ),
  },
  { additionalProperties: false },
);
