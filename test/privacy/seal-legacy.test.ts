import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, open, piiKeys } from '../../src/modules/privacy/index.js';
import { sealLegacyPersonalData } from '../../src/modules/privacy/seal-legacy.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const LEGACY_PHONE = '13611112222';
const LEGACY_EMAIL = 'legacy.customer@example.com';

for (const dialect of DIALECTS)
  describe(`sealing personal data written in plain text before it was sealed, on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let number: string;
    const complaintRow = () =>
      t.app.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      number = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number;
      // The row as an older Kesu wrote it: contacts in plain text, no blind index, no customer.
      await t.app.db
        .updateTable('complaints')
        .set({
          complainant_phone: LEGACY_PHONE,
          complainant_phone_index: null,
          complainant_email: LEGACY_EMAIL,
          complainant_email_index: null,
          customer_id: null,
        })
        .where('number', '=', number)
        .execute();
    });
    afterAll(() => t.close());

    it('seals the row, indexes it and links it to a customer; a second run changes nothing', async () => {
      expect((await agent.ok('GET', `/api/v1/complaints?q=${LEGACY_PHONE}`)).items).toEqual([]);
      expect(await sealLegacyPersonalData(t.app)).toBeGreaterThanOrEqual(1);

      const keys = piiKeys(t.app.config.secret);
      const row = await complaintRow();
      expect(row.complainant_phone).toMatch(/^v1:/);
      expect(row.complainant_email).toMatch(/^v1:/);
      expect(open(keys, row.complainant_phone ?? '')).toBe(LEGACY_PHONE);
      expect(open(keys, row.complainant_email ?? '')).toBe(LEGACY_EMAIL);
      expect(row.complainant_phone_index).toBe(blindIndex(keys, 'phone', LEGACY_PHONE));
      expect(row.complainant_email_index).toBe(blindIndex(keys, 'email', LEGACY_EMAIL));
      expect(row.customer_id).not.toBeNull();
      const contacts = await t.app.db
        .selectFrom('customer_contacts')
        .select(['kind', 'value', 'value_index'])
        .where('customer_id', '=', row.customer_id ?? 0)
        .orderBy('kind')
        .execute();
      expect(contacts.map((c) => [c.kind, c.value_index])).toEqual([
        ['email', row.complainant_email_index],
        ['phone', row.complainant_phone_index],
      ]);
      expect(contacts.every((c) => open(keys, c.value) !== null && c.value.startsWith('v1:'))).toBe(true);

      // Found again, exactly, and masked.
      const found = await agent.ok('GET', `/api/v1/complaints?q=${LEGACY_PHONE}`);
      expect(found.items.map((c: { number: string }) => c.number)).toEqual([number]);
      const detail = await agent.ok('GET', `/api/v1/complaints/${number}`);
      expect(detail.complainant).toMatchObject({ phone: '136****2222', customerId: row.customer_id });
      const customer = await agent.ok('GET', `/api/v1/customers/${row.customer_id}`);
      expect(customer).toMatchObject({ complaintCount: 1, emails: [{ value: 'l***@example.com' }] });

      const customersBefore = await t.app.db.selectFrom('customers').selectAll().orderBy('id').execute();
      const contactsBefore = await t.app.db
        .selectFrom('customer_contacts')
        .selectAll()
        .orderBy('id')
        .execute();
      expect(await sealLegacyPersonalData(t.app)).toBe(0);
      expect(await complaintRow()).toEqual(row);
      expect(await t.app.db.selectFrom('customers').selectAll().orderBy('id').execute()).toEqual(
        customersBefore,
      );
      expect(await t.app.db.selectFrom('customer_contacts').selectAll().orderBy('id').execute()).toEqual(
        contactsBefore,
      );
    });
  });
