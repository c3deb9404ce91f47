import { Type } from 'typebox';
import { endpoint, problems } from '../../server/endpoint.js';
import { REDACTED } from './channel-settings.js';
import {
  MaskedChannelSettings,
  SavedTemplateSchema,
  TemplateBody,
  TemplateParams,
  TemplateSchema,
} from './schemas.js';

const tags = ['notifications'];

/** 通知 administration: the notice texts and the channels notices leave through (admin). */
export const notifyEndpoints = {
  listTemplates: endpoint('GET', '/notification-templates', {
    operationId: 'listNotificationTemplates',
    access: ['admin'],
    tags,
    summary: '通知模板 every event × channel × language with the text in force (admin)',
    response: { 200: Type.Object({ items: Type.Array(TemplateSchema) }), ...problems(401, 403) },
  }),
  saveTemplate: endpoint('PUT', '/notification-templates/:event/:channel/:locale', {
    operationId: 'saveNotificationTemplate',
    access: ['admin'],
    tags,
    summary: '编辑通知模板 replace the text of a notice (admin)',
    params: TemplateParams,
    body: TemplateBody,
    response: { 200: SavedTemplateSchema, ...problems(400, 401, 403) },
  }),
  getChannels: endpoint('GET', '/settings/notify-channels', {
    operationId: 'getNotifyChannels',
    access: ['admin'],
    tags,
    summary: '通知渠道 email (SMTP), SMS provider and staff group robots, secrets masked (admin)',
    response: { 200: MaskedChannelSettings, ...problems(401, 403) },
  }),
  saveChannels: endpoint('PUT', '/settings/notify-channels', {
    operationId: 'saveNotifyChannels',
    access: ['admin'],
    tags,
    summary: '通知渠道 email (SMTP), SMS provider and staff group robots (WeCom, DingTalk, Feishu) (admin)',
    description: `Secrets read back as ${REDACTED} (or omitted) keep the stored value; robots are matched by name.`,
    body: MaskedChannelSettings,
    response: { 200: MaskedChannelSettings, ...problems(400, 401, 403) },
  }),
};
