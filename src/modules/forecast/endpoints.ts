/** Forecasts (预测): expected complaints per day for the next 30 days, refreshed daily. */
import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { ForecastQuery, ForecastSchema, StaffingSettingsSchema } from './schemas.js';

export const forecastEndpoints = {
  forecast: endpoint('GET', '/forecast', {
    operationId: 'getForecast',
    access: ROLES,
    tags: ['forecast'],
    summary: '预测 expected complaints per day, 30 days ahead, with a staffing hint',
    description:
      'From a negative-binomial regression on calendar features (weekday, PRC holidays, make-up days, the days after a long ' +
      'holiday, shopping festivals) and a trend, fitted daily on the statistics rollup; 80 % and 95 % intervals. Total, ' +
      'level-1 categories and regions. Scoped like GET /stats (403 outside the caller’s subtree).',
    querystring: ForecastQuery,
    response: { 200: ForecastSchema, ...problems(400, 401, 403, 404) },
  }),
  getStaffingSettings: endpoint('GET', '/settings/staffing', {
    operationId: 'getStaffingSettings',
    access: ROLES,
    tags: ['forecast'],
    summary: '人员配置 the working minutes of one complaint and the working hours of a handler’s day',
    response: { 200: StaffingSettingsSchema, ...problems(401) },
  }),
  saveStaffingSettings: endpoint('PUT', '/settings/staffing', {
    operationId: 'saveStaffingSettings',
    access: ['admin'],
    tags: ['forecast'],
    summary: '人员配置 change what the staffing hint counts with (admin)',
    body: StaffingSettingsSchema,
    response: { 200: StaffingSettingsSchema, ...problems(400, 401, 403) },
  }),
};
