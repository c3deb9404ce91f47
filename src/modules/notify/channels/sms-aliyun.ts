/**
 * Alibaba Cloud SMS (阿里云短信服务, dysmsapi), action SendSms of API version 2017-05-25, signed
 * the RPC way (SignatureVersion 1.0, HMAC-SHA1):
 *
 * 1. Take every request parameter except Signature, percent-encode names and values by RFC 3986
 *    (only A–Z a–z 0–9 - _ . ~ stay as they are, so a space is %20, * is %2A, ~ is kept), sort
 *    them by encoded name and join them as `name=value` with `&` (the canonicalized query).
 * 2. StringToSign = METHOD + "&" + percentEncode("/") + "&" + percentEncode(canonicalized query).
 * 3. Signature = base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign)).
 *
 * The parameters and the Signature go as an application/x-www-form-urlencoded POST body. Aliyun
 * only sends approved templates: the message's own template is used when it names one,
 * otherwise the configured default template with the message text in one parameter. The notice's
 * id goes as OutId (echoed in delivery receipts), so a notice sent again after a crash is
 * recognisable; Aliyun's SendSms offers no idempotency key of its own.
 */
import { createHmac } from 'node:crypto';
import { type ChannelAdapter, type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';
import { isRecord, isRetryableStatus, post, resolveDeps } from './http.js';
import type { AliyunSmsConfig } from './schemas.js';

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

/** Error codes that mean "not now" rather than "never". */
const RETRYABLE_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'ServiceUnavailable',
  'InternalError',
  'SignatureNonceUsed',
]);

function isRetryableCode(code: string): boolean {
  return RETRYABLE_CODES.has(code) || code.startsWith('Throttling');
}

/** RFC 3986 percent-encoding as Aliyun's signature wants it: only unreserved characters kept. */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The canonicalized query: encoded `name=value` pairs sorted by name, joined by `&`. */
export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => [aliyunPercentEncode(name), aliyunPercentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
}

export function aliyunSignature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

/** ISO 8601 in UTC to the second, as Aliyun wants it: 2017-07-12T02:42:19Z. */
export function aliyunTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function createAliyunSms(config: AliyunSmsConfig, deps?: ChannelDeps): ChannelAdapter {
  const d = resolveDeps(deps);
  const label = 'Aliyun SMS';
  const endpoint = config.endpoint ?? ALIYUN_SMS_ENDPOINT;
  return {
    channel: 'sms',
    async send(message: OutgoingMessage) {
      const to = message.to.trim();
      if (to === '') throw new ChannelError(`${label}: no phone number to send to`, false);
      const template =
        message.template ??
        (config.templateCode
          ? { code: config.templateCode, params: { [config.textParam ?? 'content']: message.text } }
          : undefined);
      if (!template) {
        throw new ChannelError(`${label}: no template: set a default template code or name one`, false);
      }
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: to,
        RegionId: config.regionId ?? 'cn-hangzhou',
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: d.nonce(),
        SignatureVersion: '1.0',
        TemplateCode: template.code,
        Timestamp: aliyunTimestamp(d.now()),
        Version: '2017-05-25',
      };
      if (message.id) params.OutId = message.id;
      if (Object.keys(template.params).length > 0) params.TemplateParam = JSON.stringify(template.params);
      const signature = aliyunSignature(config.accessKeySecret, aliyunStringToSign('POST', params));
      const body = `Signature=${aliyunPercentEncode(signature)}&${aliyunCanonicalQuery(params)}`;
      const answer = await post(d, {
        label,
        url: endpoint,
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          accept: 'application/json',
        },
        body,
      });
      const json: Record<string, unknown> = isRecord(answer.json) ? answer.json : {};
      const code = typeof json.Code === 'string' ? json.Code : undefined;
      if (code === 'OK') {
        return typeof json.BizId === 'string' && json.BizId !== '' ? { providerId: json.BizId } : {};
      }
      if (code === undefined) {
        throw new ChannelError(
          `${label}: HTTP ${answer.status}: unexpected answer: ${answer.text.slice(0, 200)}`,
          isRetryableStatus(answer.status),
        );
      }
      const said = typeof json.Message === 'string' ? `: ${json.Message}` : '';
      throw new ChannelError(`${label}: ${code}${said}`, isRetryableCode(code) || answer.status >= 500);
    },
  };
}
