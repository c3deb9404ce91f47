import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendor } from '../../../../test/support/vendor-server.js';
import { ChannelError } from './channel.js';
import { aliyunSignature, aliyunStringToSign, createAliyunSms } from './sms-aliyun.js';

const KEY_ID = 'LTAI-test-id';
const KEY_SECRET = 'test-secret/+=';
const NOW = Date.UTC(2026, 0, 1, 8, 30, 5, 999);

/** RFC 3986 percent-encoding, byte by byte: only A–Z a–z 0–9 - _ . ~ are left as they are. */
function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Aliyun's side: the form body's parameters, and whether their Signature is right (RPC, HMAC-SHA1). */
function check(body: string): { params: Map<string, string>; signed: boolean } {
  const params = new Map<string, string>();
  for (const pair of body.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  const given = params.get('Signature');
  params.delete('Signature');
  const query = [...params.keys()]
    .map(rfc3986)
    .sort()
    .map((name) => `${name}=${rfc3986(params.get(decodeURIComponent(name)) ?? '')}`)
    .join('&');
  const stringToSign = `POST&${rfc3986('/')}&${rfc3986(query)}`;
  const expected = createHmac('sha1', `${KEY_SECRET}&`).update(stringToSign).digest('base64');
  return { params, signed: given === expected };
}

describe('Aliyun SMS signature', () => {
  it("reproduces the documentation's worked example (GET, testId / testSecret)", () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    const stringToSign = aliyunStringToSign('GET', params);
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
        '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4' +
        '%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode' +
        '%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp' +
        '%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
    );
    expect(aliyunSignature('testSecret', stringToSign)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('encodes space as %20 and * as %2A, keeps ~, and sorts by name', () => {
    // b=a b*c~ → b=a%20b%2Ac~ → b%3Da%2520b%252Ac~ ; "A" sorts before "a" (byte order).
    expect(aliyunStringToSign('POST', { b: "a b*c~!'()", a: '+/=', A: '中' })).toBe(
      'POST&%2F&A%3D%25E4%25B8%25AD%26a%3D%252B%252F%253D%26b%3Da%2520b%252Ac~%2521%2527%2528%2529',
    );
  });
});

describe('Aliyun SMS channel', () => {
  let aliyun: Awaited<ReturnType<typeof vendor>>;
  let nonces = 0;
  const channel = (over: { templateCode?: string; textParam?: string } = {}) =>
    createAliyunSms(
      {
        accessKeyId: KEY_ID,
        accessKeySecret: KEY_SECRET,
        signName: '客诉中心',
        endpoint: `${aliyun.url}/`,
        ...over,
      },
      { now: () => NOW, nonce: () => `nonce-${++nonces}` },
    );

  beforeAll(async () => {
    aliyun = await vendor((request) => {
      const { params, signed } = check(request.body);
      const requestId = 'A1B2C3D4-0000';
      if (!signed) {
        return {
          status: 400,
          body: {
            Code: 'SignatureDoesNotMatch',
            Message: 'Specified signature is not matched.',
            RequestId: requestId,
          },
        };
      }
      switch (params.get('PhoneNumbers')) {
        case '13800000001':
          return {
            status: 200,
            body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控', RequestId: requestId },
          };
        case '13800000002':
          return {
            status: 400,
            body: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
          };
        case '13800000003':
          return {
            status: 200,
            body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: requestId },
          };
        case '13800000004':
          return { status: 502, body: '<html>Bad Gateway</html>' };
        default:
          return {
            status: 200,
            body: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: requestId },
          };
      }
    });
  });
  afterAll(() => aliyun.close());

  it('sends a signed SendSms request and returns the BizId', async () => {
    const result = await channel().send({
      to: '13800138000',
      subject: 'ignored',
      text: 'ignored when a template is named',
      template: { code: 'SMS_123456', params: { no: 'KS-2026-0001', name: '李 *先生~' } },
    });
    expect(result).toEqual({ providerId: '900619746936498440^0' });
    const request = aliyun.received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/');
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const { params, signed } = check(request?.body ?? '');
    expect(signed).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      AccessKeyId: KEY_ID,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13800138000',
      RegionId: 'cn-hangzhou',
      SignName: '客诉中心',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: `nonce-${nonces}`,
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_123456',
      TemplateParam: '{"no":"KS-2026-0001","name":"李 *先生~"}',
      Timestamp: '2026-01-01T08:30:05Z',
      Version: '2017-05-25',
    });
  });

  it('falls back to the default template with the text in one parameter', async () => {
    await channel({ templateCode: 'SMS_DEFAULT', textParam: 'msg' }).send({
      to: '13800138000',
      subject: '',
      text: '您的投诉已办结',
    });
    const { params, signed } = check(aliyun.received.at(-1)?.body ?? '');
    expect(signed).toBe(true);
    expect(params.get('TemplateCode')).toBe('SMS_DEFAULT');
    expect(params.get('TemplateParam')).toBe('{"msg":"您的投诉已办结"}');
  });

  it('refuses to send without any template, without a request', async () => {
    const before = aliyun.received.length;
    await expect(channel().send({ to: '13800138000', subject: '', text: 'x' })).rejects.toMatchObject({
      retryable: false,
    });
    expect(aliyun.received.length).toBe(before);
  });

  it('treats flow control, throttling and a bad gateway as retryable', async () => {
    for (const to of ['13800000001', '13800000002', '13800000004']) {
      const error = await channel()
        .send({ to, subject: '', text: 'x', template: { code: 'SMS_1', params: {} } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).retryable).toBe(true);
    }
    // A template without parameters sends no TemplateParam at all.
    expect(check(aliyun.received.at(-1)?.body ?? '').params.has('TemplateParam')).toBe(false);
  });

  it('treats other codes as permanent, with the code and message', async () => {
    const error = await channel()
      .send({ to: '13800000003', subject: '', text: 'x', template: { code: 'SMS_1', params: {} } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('isv.MOBILE_NUMBER_ILLEGAL: 非法手机号');
  });

  it('is refused when the secret is wrong', async () => {
    const error = await createAliyunSms({
      accessKeyId: KEY_ID,
      accessKeySecret: 'wrong',
      signName: '客诉中心',
      endpoint: aliyun.url,
    })
      .send({ to: '13800138000', subject: '', text: 'x', template: { code: 'SMS_1', params: {} } })
      .catch((e: unknown) => e);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('SignatureDoesNotMatch');
  });
});
