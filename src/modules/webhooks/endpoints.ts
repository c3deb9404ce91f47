import { Type } from 'typebox';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import {
  DeliveryListQuery,
  DeliveryListSchema,
  QueuedDeliverySchema,
  SubscriptionBody,
  SubscriptionSchema,
  SubscriptionWithSecretSchema,
} from './schemas.js';

const tags = ['webhooks'];
const access = ['admin'] as const;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const DeliveryParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  deliveryId: Type.Integer({ minimum: 1 }),
});

export const webhookEndpoints = {
  listWebhookSubscriptions: endpoint('GET', '/webhooks', {
    operationId: 'listWebhookSubscriptions',
    access,
    tags,
    summary: 'Webhook 订阅 webhook subscriptions of integrations (admin)',
    response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...problems(401, 403) },
  }),
  createWebhookSubscription: endpoint('POST', '/webhooks', {
    operationId: 'createWebhookSubscription',
    access,
    tags,
    summary: '新增订阅 subscribe a URL to event kinds (admin); the signing secret is shown once',
    body: SubscriptionBody,
    response: { 201: SubscriptionWithSecretSchema, ...problems(400, 401, 403) },
  }),
  replaceWebhookSubscription: endpoint('PUT', '/webhooks/:id', {
    operationId: 'replaceWebhookSubscription',
    access,
    tags,
    summary: '编辑订阅 change a subscription (admin)',
    params: IdParams,
    body: SubscriptionBody,
    response: { 200: SubscriptionSchema, ...problems(400, 401, 403, 404) },
  }),
  deleteWebhookSubscription: endpoint('DELETE', '/webhooks/:id', {
    operationId: 'deleteWebhookSubscription',
    access,
    tags,
    summary: '删除订阅 delete a subscription and its delivery log (admin)',
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  rotateWebhookSecret: endpoint('POST', '/webhooks/:id/rotate-secret', {
    operationId: 'rotateWebhookSecret',
    access,
    tags,
    summary: '更换签名密钥 rotate the signing secret (admin); the new secret is shown once',
    params: IdParams,
    response: { 200: SubscriptionWithSecretSchema, ...problems(400, 401, 403, 404) },
  }),
  sendWebhookTestEvent: endpoint('POST', '/webhooks/:id/test', {
    operationId: 'sendWebhookTestEvent',
    access,
    tags,
    summary: '发送测试事件 queue a webhook.test delivery (admin)',
    params: IdParams,
    response: { 202: QueuedDeliverySchema, ...problems(400, 401, 403, 404) },
  }),
  listWebhookDeliveries: endpoint('GET', '/webhooks/:id/deliveries', {
    operationId: 'listWebhookDeliveries',
    access,
    tags,
    summary: '投递记录 deliveries of a subscription with their attempts, newest first (admin)',
    params: IdParams,
    querystring: DeliveryListQuery,
    response: { 200: DeliveryListSchema, ...problems(400, 401, 403, 404) },
  }),
  replayWebhookDelivery: endpoint('POST', '/webhooks/:id/deliveries/:deliveryId/replay', {
    operationId: 'replayWebhookDelivery',
    access,
    tags,
    summary: '重新投递 send a delivery again: same body, same delivery id (admin)',
    params: DeliveryParams,
    response: { 202: QueuedDeliverySchema, ...problems(400, 401, 403, 404) },
  }),
};
