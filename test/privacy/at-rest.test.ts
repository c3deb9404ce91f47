import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';
import { maskEmail, maskPhone } from '../../src/modules/privacy/index.js';
import { demoPassword, seedDemo } from '../../src/seed/demo.js';
import { buildApp } from '../../src/server/app.js';
import type { Http } from '../../src/server/http.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, freshDatabase } from '../support/test-app.js';

/** Every complainant phone and e-mail the demo data registers, read from its source. */
function demoContacts(): { phones: string[]; emails: string[] } {
  const source = readFileSync(new URL('../../src/seed/demo-complaints.ts', import.meta.url), 'utf8');
  const literals = (field: string) => [
    ...new Set([...source.matchAll(new RegExp(`\\b${field}: '([^']+)'`, 'g'))].map((m) => m[1] ?? '')),
  ];
  return { phones: literals('phone'), emails: literals('email') };
}

interface DemoApp {
  app: AppContext;
  http: Http;
  handle: DatabaseHandle;
  url: string;
  cleanup(): void;
}

/** A fresh database with the whole demo (organisation and complaints), as `kesu seed` loads it. */
async function startDemo(dialect: Dialect): Promise<DemoApp> {
  const { url, cleanup } = await freshDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'kesu-data-'));
  const handle = openDatabase(url);
  await migrateToLatest(handle.db);
  const app: AppContext = {
    db: handle.db,
    dialect,
    clock: systemClock,
    config: {
      timeZone: 'Asia/Shanghai',
      secret: Buffer.alloc(32, 9),
      publicUrl: 'http://kesu.test',
      dataDir,
    },
  };
  await seedDemo(app);
  return {
    app,
    http: await buildApp(app),
    handle,
    url,
    cleanup: () => {
      cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const { phones, emails } = demoContacts();

it('reads the demo complainants from the seed', () => {
  expect(phones).toContain('13300004444');
  expect(phones.length).toBeGreaterThanOrEqual(12);
  expect(emails).toEqual(expect.arrayContaining(['wu@example.com', 'li.customer@example.com']));
});

for (const dialect of DIALECTS)
  describe(`personal data at rest with the demo data on ${dialect}`, () => {
    let demo: DemoApp;
    let agent: Client;
    let closed = false;
    beforeAll(async () => {
      demo = await startDemo(dialect);
      agent = await login(demo.http, 'agent', demoPassword());
    });
    afterAll(async () => {
      if (!closed) {
        await demo.http.close();
        await demo.handle.close();
      }
      demo.cleanup();
    });

    it('lets an agent find each complaint by the whole phone number, and shows it masked', async () => {
      for (const phone of phones) {
        const list = await agent.ok('GET', `/api/v1/complaints?q=${phone}`);
        expect(list.items.length, phone).toBeGreaterThan(0);
        for (const item of list.items) {
          const detail = await agent.ok('GET', `/api/v1/complaints/${item.number}`);
          expect(detail.complainant.phone).toBe(maskPhone(phone));
          expect(JSON.stringify(detail)).not.toContain(phone);
        }
        const customers = await agent.ok('GET', `/api/v1/customers?q=${phone}`);
        expect(customers.items).toHaveLength(1);
        expect(customers.items[0].phones).toContain(maskPhone(phone));
        expect(JSON.stringify(customers)).not.toContain(phone);
      }
      for (const email of emails) {
        const list = await agent.ok('GET', `/api/v1/complaints?q=${encodeURIComponent(email)}`);
        expect(list.items.length, email).toBeGreaterThan(0);
        const detail = await agent.ok('GET', `/api/v1/complaints/${list.items[0].number}`);
        expect(detail.complainant.email).toBe(maskEmail(email));
        expect(JSON.stringify(detail)).not.toContain(email);
      }
      const partial = await agent.ok('GET', `/api/v1/complaints?q=${phones[0]?.slice(0, 7)}`);
      expect(partial.items).toEqual([]);
    });

    if (dialect === 'sqlite')
      it('leaves no demo phone number or e-mail address anywhere in the database file', async () => {
        await demo.http.close();
        await demo.handle.close();
        closed = true;
        const file = demo.url.slice('sqlite:'.length);
        const files = readdirSync(dirname(file))
          .filter((f) => f.startsWith(basename(file)))
          .map((f) => join(dirname(file), f));
        expect(files).toContain(file);
        let bytes = 0;
        for (const f of files) {
          const raw = readFileSync(f);
          bytes += raw.length;
          for (const plain of [...phones, ...emails])
            expect(raw.includes(plain), `${plain} in ${f}`).toBe(false);
        }
        expect(bytes).toBeGreaterThan(100_000);
        // The same scan does find what is not personal data: the file is readable, not encrypted whole.
        expect(readFileSync(file).includes('KS100000000001')).toBe(true);
      });

    if (dialect === 'postgres')
      it('leaves no demo phone number or e-mail address in any table', async () => {
        const db = demo.app.db;
        for (const phone of phones) {
          const complaints = await sql<{ n: number }>`
            select count(*)::int as n from complaints where complainant_phone like ${`%${phone}%`}`.execute(
            db,
          );
          expect(complaints.rows[0]?.n).toBe(0);
          const events = await sql<{ n: number }>`
            select count(*)::int as n from events where data like ${`%${phone}%`}`.execute(db);
          expect(events.rows[0]?.n).toBe(0);
        }
        // Every row of every table, as text.
        const tables = await sql<{ table_name: string }>`
          select table_name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
        expect(tables.rows.map((r) => r.table_name)).toEqual(
          expect.arrayContaining([
            'complaints',
            'customers',
            'customer_contacts',
            'events',
            'notifications',
            'jobs',
          ]),
        );
        for (const { table_name } of tables.rows)
          for (const plain of [...phones, ...emails]) {
            const found = await sql<{ n: number }>`
              select count(*)::int as n from ${sql.table(table_name)} as t
              where strpos(t::text, ${plain}) > 0`.execute(db);
            expect(found.rows[0]?.n, `${plain} in ${table_name}`).toBe(0);
          }
        // The waybill of 王女士's complaint and of her second call, merged into it.
        const waybill = await sql<{ n: number }>`
          select count(*)::int as n from complaints as t where strpos(t::text, 'KS100000000001') > 0`.execute(
          db,
        );
        expect(waybill.rows[0]?.n).toBe(2);
      });
  });
