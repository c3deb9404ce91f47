import { disclosureWords, filled, type Locale } from '../../i18n/index.js';
import type { PublicDisclosureView } from './schemas.js';

/**
 * The public disclosure page (公示), rendered on the server from the public API's answers only:
 * no script, one small stylesheet, readable on a phone. zh-CN unless `?lang=en`.
 */
const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

const STYLE = `
body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5;line-height:1.6}
header{background:#c4302b;color:#fff;padding:16px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;font-size:13px;opacity:.9}
main{max-width:760px;margin:0 auto;padding:12px}
section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0}
h2{font-size:17px;margin:0 0 8px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
.tile{background:#fafafa;border-radius:6px;padding:8px 12px}
.tile b{display:block;font-size:22px;color:#c4302b}
.tile span{font-size:13px;color:#595959}
table{width:100%;border-collapse:collapse;font-size:14px}
td,th{padding:6px 4px;border-bottom:1px solid #f0f0f0;text-align:left}
td.n{text-align:right}
dl{margin:0}dt{font-weight:600;font-size:13px;color:#595959}dd{margin:0 0 6px}
article{border-top:1px solid #f0f0f0;padding:8px 0}
a{color:#c4302b}nav{display:flex;justify-content:space-between;font-size:14px}
ul.months{list-style:none;padding:0;margin:0}ul.months li{padding:8px 0;border-bottom:1px solid #f0f0f0}
`;

function shell(locale: Locale, title: string, body: string, langHref: string): string {
  const w = disclosureWords(locale);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(w['page.intro'] ?? '')}</p></header>
<main><nav><span></span><a href="${esc(langHref)}" data-testid="language">${esc(w['page.language'] ?? '')}</a></nav>${body}</main></body></html>`;
}

const query = (locale: Locale) => (locale === 'en' ? '?lang=en' : '');
const other = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');

export function listPage(locale: Locale, months: { month: string }[]): string {
  const w = disclosureWords(locale);
  const items = months.length
    ? `<ul class="months">${months
        .map(
          (m) =>
            `<li><a href="/disclosure/${esc(m.month)}${query(locale)}">${esc(filled(w['page.month'] ?? '', { month: m.month }))}</a></li>`,
        )
        .join('')}</ul>`
    : `<p>${esc(w['page.none'] ?? '')}</p>`;
  return shell(
    locale,
    w['page.title'] ?? '',
    `<section><h2>${esc(w['page.months'] ?? '')}</h2>${items}</section>`,
    `/disclosure${query(other(locale))}`,
  );
}

export function monthPage(locale: Locale, d: PublicDisclosureView): string {
  const w = disclosureWords(locale);
  const word = (k: string) => esc(w[k] ?? k);
  const f = d.figures;
  const tiles: string[] = [];
  const tile = (label: string, value: string, testid: string) =>
    tiles.push(
      `<div class="tile" data-testid="${testid}"><b>${esc(value)}</b><span>${word(label)}</span></div>`,
    );
  if (f.received !== undefined)
    tile('figure.received', filled(w['figure.count'] ?? '{count}', { count: f.received }), 'received');
  if (f.resolutionRate) tile('figure.resolutionRate', pct(f.resolutionRate.rate), 'resolution-rate');
  if (f.onTimeRate) tile('figure.onTimeRate', pct(f.onTimeRate.rate), 'on-time-rate');
  if (f.validShare) tile('figure.validShare', pct(f.validShare.rate), 'valid-share');
  const table = (label: string, rows: { zh: string; en: string; count: number }[], testid: string) =>
    `<section data-testid="${testid}"><h2>${word(label)}</h2><table>${rows
      .map((r) => `<tr><td>${esc(locale === 'en' ? r.en : r.zh)}</td><td class="n">${r.count}</td></tr>`)
      .join('')}</table></section>`;
  const s = f.satisfaction;
  const satisfaction = s
    ? `<section data-testid="satisfaction"><h2>${word('figure.satisfaction')}</h2><div class="tiles">${(
        [
          ['satisfaction.surveys', num(s.surveys)],
          ['satisfaction.speed', num(s.speed)],
          ['satisfaction.effectiveness', num(s.effectiveness)],
          ['satisfaction.attitude', num(s.attitude)],
          ['satisfaction.transparency', num(s.transparency)],
          ['satisfaction.nps', num(s.nps)],
        ] as const
      )
        .map(([k, v]) => `<div class="tile"><b>${esc(v)}</b><span>${word(k)}</span></div>`)
        .join('')}</div></section>`
    : '';
  const judgements = d.judgements.length
    ? `<section data-testid="judgements"><h2>${word('page.judgements')}</h2>${d.judgements
        .map(
          (j) =>
            `<article><dl>${(['category', 'cause', 'result', 'measures'] as const)
              .map((k) => `<dt>${word(`judgement.${k}`)}</dt><dd>${esc(j[k])}</dd>`)
              .join('')}</dl></article>`,
        )
        .join('')}</section>`
    : '';
  const body = [
    `<p><a href="/disclosure${query(locale)}">${word('page.back')}</a> · ${esc(filled(w['page.published'] ?? '', { at: d.publishedAt.slice(0, 10) }))}</p>`,
    tiles.length
      ? `<section><h2>${word('page.figures')}</h2><div class="tiles">${tiles.join('')}</div></section>`
      : '',
    f.byCategory1 ? table('figure.byCategory1', f.byCategory1, 'by-category-1') : '',
    f.byCategory2 ? table('figure.byCategory2', f.byCategory2, 'by-category-2') : '',
    satisfaction,
    judgements,
  ].join('');
  return shell(
    locale,
    filled(w['page.month'] ?? '', { month: d.month }),
    body,
    `/disclosure/${d.month}${query(other(locale))}`,
  );
}
