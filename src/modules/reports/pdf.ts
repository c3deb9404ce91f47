/**
 * The report as a PDF: title, summary, charts (ECharts SVG drawn by svg-to-pdfkit) and the tables,
 * all text in the embedded WenQuanYi Micro Hei (pdfkit subsets the glyphs used, so the file stays small).
 */
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Locale } from '../../i18n/index.js';
import { barChart, CHART_HEIGHT, CHART_WIDTH, trendChart } from './charts.js';
import type { Table } from './tables.js';

/** Shipped with the code (Apache-2.0, fonts/COPYRIGHT-wqy-microhei.txt): no system font is needed. */
export const FONT_FILE = fileURLToPath(new URL('./fonts/wqy-microhei.ttc', import.meta.url));
/** The face inside the collection. */
export const FONT_FACE = 'WenQuanYiMicroHei';
const FONT = 'cjk';
const MARGIN = 48;
const ROW = 16;

type Doc = InstanceType<typeof PDFDocument>;

function table(doc: Doc, t: Table): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = Math.min(170, width * 0.34);
  const rest = t.header.length > 1 ? (width - first) / (t.header.length - 1) : 0;
  const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
  const w = (i: number) => (i === 0 ? first : rest);
  const line = (cells: Array<string | number>, bold: boolean) => {
    if (doc.y + ROW > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    if (bold)
      doc
        .rect(MARGIN, y - 2, width, ROW)
        .fill('#eef2f7')
        .fillColor('#000');
    cells.forEach((cell, i) => {
      doc.fontSize(8.5).text(String(cell), x(i) + 2, y + 1, {
        width: w(i) - 4,
        height: ROW,
        lineBreak: false,
        ellipsis: true,
        align: i === 0 ? 'left' : 'right',
      });
    });
    doc.y = y + ROW;
  };
  if (doc.y + 3 * ROW + 20 > doc.page.height - MARGIN) doc.addPage();
  doc.x = MARGIN;
  doc.fontSize(12).text(t.title, MARGIN, doc.y + 8);
  doc.moveDown(0.3);
  line(t.header, true);
  for (const row of t.rows) line(row, false);
}

function chart(doc: Doc, svg: string): void {
  if (doc.y + CHART_HEIGHT > doc.page.height - MARGIN) doc.addPage();
  // The typings declare the document parameter as pdfkit's class; the function takes an instance.
  SVGtoPDF(doc as unknown as typeof PDFDocument, svg, MARGIN, doc.y, {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    fontCallback: () => FONT,
  });
  doc.y += CHART_HEIGHT + 8;
}

export async function reportPdf(
  head: { title: string; lines: string[] },
  summary: string[],
  tables: Table[],
  trend: Array<{ day: string; complaints: number }>,
  locale: Locale,
): Promise<Buffer> {
  const l = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: head.title, Creator: 'Kesu' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, FONT_FILE, FONT_FACE);
  doc.font(FONT).fontSize(20).text(head.title);
  doc.moveDown(0.3);
  doc.fontSize(10).fillColor('#555');
  for (const line of head.lines) doc.text(line);
  doc.fillColor('#000').moveDown(0.6);
  doc.fontSize(13).text(l('摘要', 'Summary'));
  doc.moveDown(0.2).fontSize(10);
  for (const s of summary) doc.text(`• ${s}`, { paragraphGap: 3 });
  doc.moveDown(0.6);
  chart(doc, trendChart(l('每日投诉量', 'Complaints per day'), trend));
  const legend: [string, string] = [l('本期', 'this period'), l('上期', 'previous')];
  const [, category, channel] = tables;
  if (category?.rows.length) chart(doc, barChart(category.title, category, legend));
  if (channel?.rows.length) chart(doc, barChart(channel.title, channel, legend));
  for (const t of tables) table(doc, t);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
