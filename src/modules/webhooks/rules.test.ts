import { afterEach, describe, expect, it } from 'vitest';
import { kindFor, webhookKindsOf } from './event-kinds.js';
import { signatureHeader, verifySignature } from './signature.js';
import { checkTargetUrl, isPrivateAddress } from './target-url.js';

describe('which webhook kinds a history event is', () => {
  it('names its own kind first and a status change after it', () => {
    const accepted = webhookKindsOf('accepted', {
      changes: { status: { from: 'received', to: 'accepted' } },
    });
    expect(accepted).toEqual(['complaint.accepted', 'complaint.status_changed']);
    expect(kindFor(['complaint.status_changed'], accepted)).toBe('complaint.status_changed');
    expect(kindFor(['complaint.accepted', 'complaint.status_changed'], accepted)).toBe('complaint.accepted');
    expect(kindFor(['complaint.closed'], accepted)).toBeNull();
  });

  it('sends nothing for events no integration is told of (notes, notices, views of personal data)', () => {
    for (const kind of ['note', 'notice_sent', 'personal_data_viewed', 'updated'])
      expect(webhookKindsOf(kind, { changes: { title: { from: 'a', to: 'b' } } }), kind).toEqual([]);
    expect(webhookKindsOf('transferred', {})).toEqual(['complaint.assigned']);
    expect(webhookKindsOf('survey_submitted', {})).toEqual(['complaint.survey_answered']);
  });
});

describe('webhook targets', () => {
  afterEach(() => {
    delete process.env.KESU_WEBHOOKS_ALLOW_PRIVATE;
  });

  it('knows private, loopback and link-local addresses, IPv4-mapped ones too', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.8',
      '172.31.255.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses them (and local names) unless allowed; public names pass', () => {
    expect(() => checkTargetUrl('http://169.254.169.254/latest/meta-data')).toThrow('validation_failed');
    expect(() => checkTargetUrl('http://app.localhost/x')).toThrow('validation_failed');
    expect(checkTargetUrl('https://crm.example.com/hooks/kesu')).toBe('https://crm.example.com/hooks/kesu');
    process.env.KESU_WEBHOOKS_ALLOW_PRIVATE = 'true';
    expect(checkTargetUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
  });
});

describe('signatures', () => {
  it('verify with the secret and body they were made from, within the tolerance', () => {
    const header = signatureHeader('whsec_a', '{"a":1}', 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', '{"a":1}', header, { nowSeconds: 1_800_000_100 })).toBe(true);
    expect(verifySignature('whsec_b', '{"a":1}', header, { nowSeconds: 1_800_000_100 })).toBe(false);
    expect(verifySignature('whsec_a', '{"a":2}', header, { nowSeconds: 1_800_000_100 })).toBe(false);
    expect(verifySignature('whsec_a', '{"a":1}', header, { nowSeconds: 1_800_001_000 })).toBe(false);
  });
});
