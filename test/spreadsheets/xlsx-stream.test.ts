import { randomBytes } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamSheet } from '../../src/modules/spreadsheets/xlsx-stream.js';
import { readXlsx, sheetNames } from './support.js';

/** The bytes a sheet writes, gathered. */
async function written(rows: Array<Array<string | number>>, name = '投诉'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const sheet = await streamSheet(out, name);
  for (const row of rows) await sheet.addRow(row);
  await sheet.finish();
  return Buffer.concat(chunks);
}

describe('streamed xlsx sheet', () => {
  it('keeps text as it is, escaping markup and dropping what XML cannot hold', async () => {
    const file = await written([
      ['编号 number', 'text', 'count'],
      ['KS20261123-000001', '<b>"A&B"</b> it\'s 包裹', 3],
      ['tab\there', 'bell\u0007 gone\u007f', 0],
      ['', '第一行\n第二行', 12.5],
      ['nul\u0000 vt\u000b ff\u000c us\u001f', 'space ~ 中文 >', 1],
    ]);
    expect(await sheetNames(file)).toEqual(['投诉']);
    expect(await readXlsx(file)).toEqual([
      ['编号 number', 'text', 'count'],
      ['KS20261123-000001', '<b>"A&B"</b> it\'s 包裹', '3'],
      ['tab\there', 'bell gone', '0'],
      ['', '第一行\n第二行', '12.5'],
      ['nul vt ff us', 'space ~ 中文 >', '1'],
    ]);
  });

  it('writes many rows in chunks, in order, with columns past Z', async () => {
    const wide = Array.from({ length: 30 }, (_, i) => `列${i}`);
    const rows = Array.from({ length: 1500 }, (_, i) => [
      ...wide.slice(0, 29),
      `第${i}行 ${'长'.repeat(i % 50)}`,
    ]);
    const back = await readXlsx(await written([wide, ...rows]));
    expect(back).toHaveLength(1501);
    expect(back[1]?.[29]).toBe('第0行 ');
    expect(back[1500]?.[29]).toBe(`第1499行 ${'长'.repeat(1499 % 50)}`);
  });

  it('waits for a slow output instead of piling the file up in memory', async () => {
    let most = 0;
    let total = 0;
    const slow: Writable = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        // What the writer has handed over and the output has not taken yet.
        most = Math.max(most, slow.writableLength);
        total += chunk.length;
        setTimeout(done, 1);
      },
    });
    const sheet = await streamSheet(slow, 'complaints');
    // Text that does not compress: each row is about 2 kB of the file.
    const noise = () => randomBytes(1500).toString('base64');
    for (let i = 0; i < 3000; i++) await sheet.addRow([i, noise()]);
    await sheet.finish();
    expect(total).toBeGreaterThan(4 * 1024 * 1024);
    expect(most).toBeLessThan(256 * 1024);
  });
});
