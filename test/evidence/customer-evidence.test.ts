import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '../../src/context.js';
import { registerComplaint } from '../../src/modules/complaints/register-complaint.js';
import {
  addEvidence,
  insertEvidence,
  listEvidence,
  openEvidence,
  storeContent,
} from '../../src/modules/evidence/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { systemActor } from '../../src/modules/org/system-users.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { PNG, pdf, sha256 } from './support.js';

const digest = async (stream: Readable) => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

for (const dialect of DIALECTS)
  describe(`evidence from the customer's side and at registration on ${dialect}`, () => {
    let t: TestApp;
    let staff: ActorContext;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      const agent = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
      if (!agent) throw new Error('no agent');
      staff = { ...t.app, actor: agent };
    });
    afterAll(() => t.close());

    const customerOf = async (complaintId: number): Promise<ActorContext> => ({
      ...t.app,
      actor: { ...(await systemActor(t.app.db, 'portal')), customerOf: complaintId },
    });

    it('lets the customer add evidence to their own complaint and download it, and nothing else', async () => {
      const mine = await registerComplaint(staff, buildComplaint(t.org));
      const theirs = await registerComplaint(staff, buildComplaint(t.org));
      const ids = await t.app.db
        .selectFrom('complaints')
        .select(['id', 'number'])
        .where('number', 'in', [mine.number, theirs.number])
        .execute();
      const myId = ids.find((r) => r.number === mine.number)?.id ?? 0;
      const customer = await customerOf(myId);

      const item = await addEvidence(
        customer,
        mine.number,
        { filename: 'box.png', content: PNG, mediaType: 'image/png', note: '外箱破损' },
        'customer',
      );
      expect(item).toMatchObject({
        filename: 'box.png',
        source: 'customer',
        addedBy: null,
        note: '外箱破损',
      });
      const { meta, stream } = await openEvidence(customer, mine.number, item.id);
      expect(meta).toMatchObject({ mediaType: 'image/png', size: PNG.length, filename: 'box.png' });
      expect(await digest(stream)).toBe(sha256(PNG));
      expect((await listEvidence(staff, mine.number)).map((e) => e.source)).toEqual(['customer']);

      await expect(openEvidence(customer, theirs.number, item.id)).rejects.toMatchObject({
        kind: 'not_found',
      });
      await expect(
        addEvidence(customer, theirs.number, { filename: 'x.png', content: PNG }, 'customer'),
      ).rejects.toMatchObject({ kind: 'not_found', code: 'complaint_not_found' });
    });

    it('records evidence in the same transaction as a new complaint', async () => {
      const mail = { ...t.app, actor: await systemActor(t.app.db, 'mailbox') };
      const attachment = pdf('mailed waybill');
      const stored = await storeContent(t.app, attachment, {
        filename: 'waybill.pdf',
        mediaType: 'application/pdf',
      });
      expect(stored).toEqual({
        sha256: sha256(attachment),
        size: attachment.length,
        mediaType: 'application/pdf',
      });
      const registered = await registerComplaint(mail, buildComplaint(t.org, { channel: 'email' }), {
        within: async (tx, complaint) => {
          await insertEvidence(tx, mail, stored, {
            complaintId: complaint.id,
            filename: 'waybill.pdf',
            source: 'email',
          });
        },
      });
      const auditor = await loadActor(t.app.db, t.org.userIds.get('auditor') ?? 0);
      if (!auditor) throw new Error('no auditor');
      const [item] = await listEvidence({ ...t.app, actor: auditor }, registered.number);
      expect(item).toMatchObject({ filename: 'waybill.pdf', source: 'email', sha256: sha256(attachment) });
    });
  });
