import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, NoContent, problems } from '../../server/endpoint.js';
import {
  CalendarSettingsSchema,
  PoliciesSchema,
  PolicyBody,
  PolicySchema,
  SlaSettingsSchema,
} from './schemas.js';

const tags = ['time limits'];

export const slaEndpoints = {
  listSlaPolicies: endpoint('GET', '/sla-policies', {
    operationId: 'listSlaPolicies',
    access: ['admin'],
    tags,
    summary: '时限 time-limit policies and the built-in defaults (admin)',
    response: { 200: PoliciesSchema, ...problems(401, 403) },
  }),
  saveSlaPolicy: endpoint('PUT', '/sla-policies', {
    operationId: 'saveSlaPolicy',
    access: ['admin'],
    tags,
    summary: '设置时限 set the limit of a stage for a category subtree × priority (admin)',
    body: PolicyBody,
    response: { 200: PolicySchema, ...problems(400, 401, 403) },
  }),
  deleteSlaPolicy: endpoint('DELETE', '/sla-policies/:id', {
    operationId: 'deleteSlaPolicy',
    access: ['admin'],
    tags,
    summary: '删除时限 remove a time-limit policy (admin)',
    params: Type.Object({ id: Id() }),
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  getCalendar: endpoint('GET', '/settings/calendar', {
    operationId: 'getCalendarSettings',
    access: ROLES,
    tags,
    summary: '工作日历 working hours and holiday overrides',
    response: { 200: CalendarSettingsSchema, ...problems(401) },
  }),
  saveCalendar: endpoint('PUT', '/settings/calendar', {
    operationId: 'saveCalendarSettings',
    access: ['admin'],
    tags,
    summary:
      '工作日历 working hours per weekday (minutes from midnight) and overrides of the PRC holiday data (admin)',
    body: CalendarSettingsSchema,
    response: { 200: CalendarSettingsSchema, ...problems(400, 401, 403) },
  }),
  getSlaSettings: endpoint('GET', '/settings/sla', {
    operationId: 'getSlaSettings',
    access: ROLES,
    tags,
    summary: '时限设置 reminders, escalation on breach, closing unreachable customers',
    response: { 200: SlaSettingsSchema, ...problems(401) },
  }),
  saveSlaSettings: endpoint('PUT', '/settings/sla', {
    operationId: 'saveSlaSettings',
    access: ['admin'],
    tags,
    summary: '时限设置 change reminders, escalation on breach, closing unreachable customers (admin)',
    body: SlaSettingsSchema,
    response: { 200: SlaSettingsSchema, ...problems(400, 401, 403) },
  }),
};
