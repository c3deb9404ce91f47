import { type Static, Type } from 'typebox';
import { STATUSES } from '../../domain/complaint-model.js';

const count = Type.Integer({ minimum: 0 });

/** 首页: the signed-in user's figures over the complaints they may see. */
export const DashboardSchema = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  timeZone: Type.String({ description: 'IANA zone the days are counted in' }),
  today: Type.Integer({ minimum: 0, description: 'received since local midnight' }),
  open: count,
  overdue: Type.Integer({ minimum: 0, description: 'open and past their due time' }),
  byStatus: Type.Array(Type.Object({ status: Type.Enum(STATUSES), count })),
  byCategory: Type.Array(
    Type.Object({
      categoryId: Type.Integer(),
      code: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      count,
    }),
    { description: 'by level-1 category, its subtree counted in it' },
  ),
  daily: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count }), {
    description: 'received per local day, oldest first, zero-filled; the last one is today',
  }),
});
export type Dashboard = Static<typeof DashboardSchema>;
