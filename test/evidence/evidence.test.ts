import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { ELF, EvidenceClient, GZIP, MZ, PNG, pdf, sha256, storedFiles } from './support.js';

for (const dialect of DIALECTS)
  describe(`evidence (证据) on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let staff: EvidenceClient;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      staff = await EvidenceClient.signIn(t.http, 'agent');
    });
    afterAll(() => t.close());

    const register = async (overrides = {}): Promise<string> =>
      (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number;
    const rowsOf = async (number: string) =>
      t.app.db
        .selectFrom('evidence')
        .innerJoin('complaints', 'complaints.id', 'evidence.complaint_id')
        .select('evidence.id')
        .where('complaints.number', '=', number)
        .execute();

    it('stores a photo and a PDF, lists them, and gives the same bytes back', async () => {
      const number = await register();
      const receipt = pdf('运费收据');
      const added = await staff.upload(number, [
        { filename: 'parcel.png', contentType: 'image/png', data: PNG },
        { filename: '运费收据.pdf', contentType: 'application/pdf', data: receipt },
        { field: 'note', value: '客户提供的破损照片和收据' },
      ]);
      expect(added.status).toBe(201);
      expect(added.body.items).toMatchObject([
        {
          filename: 'parcel.png',
          mediaType: 'image/png',
          size: PNG.length,
          sha256: sha256(PNG),
          source: 'staff',
          note: '客户提供的破损照片和收据',
          addedBy: { name: '陈坐席' },
        },
        { filename: '运费收据.pdf', mediaType: 'application/pdf', size: receipt.length },
      ]);

      const detail = await agent.ok('GET', `/api/v1/complaints/${number}`);
      expect(detail.evidence.map((e: { filename: string }) => e.filename)).toEqual([
        'parcel.png',
        '运费收据.pdf',
      ]);
      const listed = await agent.ok('GET', `/api/v1/complaints/${number}/evidence`);
      expect(listed.items).toEqual(added.body.items);

      const [photo, doc] = added.body.items;
      const png = await staff.download(number, photo.id);
      expect(png.statusCode).toBe(200);
      expect(sha256(png.rawPayload)).toBe(sha256(PNG));
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.headers['content-length']).toBe(String(PNG.length));
      expect(png.headers['x-content-type-options']).toBe('nosniff');
      expect(png.headers['content-disposition']).toBe(
        `attachment; filename="parcel.png"; filename*=UTF-8''parcel.png`,
      );
      const download = await staff.download(number, doc.id);
      expect(download.rawPayload.equals(receipt)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('运费收据.pdf')}`,
      );

      // The history says who added what, and the chain still verifies.
      const timeline = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
      const events = timeline.filter((e: { kind: string }) => e.kind === 'evidence_added');
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({
        actor: { name: '陈坐席' },
        comment: '客户提供的破损照片和收据',
        data: {
          evidenceId: photo.id,
          sha256: sha256(PNG),
          mediaType: 'image/png',
          size: PNG.length,
          filename: 'parcel.png',
          source: 'staff',
        },
      });
      expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
    });

    it('keeps the same content once on disk, however often it is uploaded', async () => {
      const number = await register();
      const photo = pdf('the same receipt twice');
      for (const filename of ['first.pdf', 'again.pdf']) {
        const res = await staff.upload(number, [{ filename, contentType: 'application/pdf', data: photo }]);
        expect(res.status).toBe(201);
      }
      const listed = await agent.ok('GET', `/api/v1/complaints/${number}/evidence`);
      expect(listed.items.map((e: { filename: string }) => e.filename)).toEqual(['first.pdf', 'again.pdf']);
      const copies = storedFiles(t.app.config.dataDir).filter((f) => f.endsWith(sha256(photo)));
      expect(copies).toHaveLength(1);
      expect(readFileSync(copies[0] ?? '').equals(photo)).toBe(true);
    });

    it('accepts plain text, decided by its bytes', async () => {
      const number = await register();
      const text = Buffer.from('通话记录：客户 14:05 来电，称包裹外箱破损。\n');
      const res = await staff.upload(number, [
        { filename: 'call-notes.txt', contentType: 'text/plain', data: text },
      ]);
      expect(res.status).toBe(201);
      expect(res.body.items[0].mediaType).toBe('text/plain');
      const download = await staff.download(number, res.body.items[0].id);
      expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(download.body).toBe(text.toString('utf8'));
    });

    it('refuses files that lie about their type or are not evidence, and keeps nothing of them', async () => {
      const number = await register();
      const before = storedFiles(t.app.config.dataDir);
      const refusals = [
        // A PDF dressed as a photo.
        [
          { filename: 'photo.jpg', contentType: 'image/jpeg', data: pdf('not a photo') },
          'evidence_type_mismatch',
        ],
        // Executables dressed as images, by name or by declared type.
        [{ filename: 'a.png', data: MZ }, 'evidence_type_mismatch'],
        [{ filename: 'invoice', contentType: 'image/png', data: ELF }, 'evidence_type_mismatch'],
        // Honest, but not a kind of evidence.
        [
          { filename: 'setup.exe', contentType: 'application/x-msdownload', data: MZ },
          'evidence_type_not_allowed',
        ],
        [{ filename: 'logs.gz', contentType: 'application/gzip', data: GZIP }, 'evidence_type_not_allowed'],
        // Binary bytes that no sniffer knows are not text.
        [
          { filename: 'blob.txt', contentType: 'text/plain', data: Buffer.from([0xff, 0x00, 0xfe, 0x01]) },
          'evidence_type_mismatch',
        ],
      ] as const;
      for (const [file, code] of refusals) {
        const res = await staff.upload(number, [file]);
        expect(res.status, file.filename).toBe(415);
        expect(res.body.code, file.filename).toBe(code);
      }
      // A good file in the same request as a bad one is not kept either.
      const mixed = await staff.upload(number, [
        { filename: 'good.png', contentType: 'image/png', data: PNG },
        { filename: 'bad.jpg', contentType: 'image/jpeg', data: ELF },
      ]);
      expect(mixed.status).toBe(415);
      expect(await rowsOf(number)).toEqual([]);
      expect(storedFiles(t.app.config.dataDir)).toEqual(before);
    });

    it('refuses a file over the limit the admin set, and keeps nothing of it', async () => {
      const admin = await login(t.http, 'admin');
      expect(await admin.ok('GET', '/api/v1/settings/evidence')).toEqual({ maxBytes: 20 * 1024 * 1024 });
      expect((await agent.put('/api/v1/settings/evidence', { maxBytes: 1024 })).status).toBe(403);
      await admin.ok('PUT', '/api/v1/settings/evidence', { maxBytes: 1024 });
      try {
        const number = await register();
        const before = storedFiles(t.app.config.dataDir);
        const big = Buffer.concat([pdf('big'), Buffer.alloc(4096, 0x20)]);
        const res = await staff.upload(number, [
          { filename: 'big.pdf', contentType: 'application/pdf', data: big },
        ]);
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ code: 'evidence_too_large', params: { maxBytes: 1024 } });
        expect(await rowsOf(number)).toEqual([]);
        expect(storedFiles(t.app.config.dataDir)).toEqual(before);
        // Under the limit is fine.
        const small = await staff.upload(number, [{ filename: 'small.png', data: PNG }]);
        expect(small.status).toBe(201);
      } finally {
        await admin.ok('PUT', '/api/v1/settings/evidence', { maxBytes: 20 * 1024 * 1024 });
      }
    });

    it('hides evidence from those who may not see the complaint, without saying whether it exists', async () => {
      const number = await register();
      const added = await staff.upload(number, [{ filename: 'parcel.png', data: PNG }]);
      const id = added.body.items[0].id;
      // handler2 works at the Nanshan station; the complaint is with the customer service centre.
      const outsider = await EvidenceClient.signIn(t.http, 'handler2');
      const outsiderJson = await login(t.http, 'handler2');
      const before = storedFiles(t.app.config.dataDir);
      const upload = await outsider.upload(number, [{ filename: 'other.pdf', data: pdf('outsider') }]);
      expect(upload.status).toBe(404);
      expect(upload.body.code).toBe('complaint_not_found');
      expect(storedFiles(t.app.config.dataDir)).toEqual(before);
      expect((await outsiderJson.get(`/api/v1/complaints/${number}/evidence`)).status).toBe(404);
      const download = await outsider.download(number, id);
      expect(download.statusCode).toBe(404);
      expect(download.json().code).toBe('complaint_not_found');
      // A missing complaint and evidence of another complaint answer alike.
      expect((await outsider.download('KS20000101-000001', id)).statusCode).toBe(404);
      const other = await register();
      expect((await staff.download(other, id)).statusCode).toBe(404);
      // The auditor sees every unit but may not add evidence.
      const auditor = await EvidenceClient.signIn(t.http, 'auditor');
      expect((await auditor.download(number, id)).statusCode).toBe(200);
      const refused = await auditor.upload(number, [{ filename: 'x.png', data: PNG }]);
      expect(refused.status).toBe(403);
      expect(await rowsOf(number)).toHaveLength(1);
    });

    it('refuses uploads to an archived complaint', async () => {
      const number = await register({ firstContact: { reply: reply() } });
      await agent.ok('POST', `/api/v1/complaints/${number}/archive`);
      const res = await staff.upload(number, [{ filename: 'late.png', data: PNG }]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('complaint_archived');
      expect(await rowsOf(number)).toEqual([]);
    });

    it('wants a multipart body with at least one file', async () => {
      const number = await register();
      const json = await agent.post(`/api/v1/complaints/${number}/evidence`, { file: 'x' });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('unsupported_media_type');
      const noFile = await staff.upload(number, [{ field: 'note', value: 'no file' }]);
      expect(noFile.status).toBe(400);
      expect(noFile.body.fields).toMatchObject([{ path: '/body/file', code: 'required' }]);
      const wrongField = await staff.upload(number, [{ field: 'attachment', filename: 'a.png', data: PNG }]);
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.fields).toMatchObject([{ path: '/body/attachment', code: 'unknown_field' }]);
    });
  });
