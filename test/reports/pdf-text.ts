import { inflateSync } from 'node:zlib';

/** The streams of a PDF, inflated where they are compressed. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const raw = pdf.subarray(start + 7, end);
    try {
      out.push(inflateSync(raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
    at = end + 10;
  }
  return out;
}

/**
 * The text a reader gets from a pdfkit PDF with an embedded font: the glyph codes shown by the
 * content streams (TJ/Tj hex strings), turned back into characters by the font's ToUnicode map.
 */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = new Map<number, string>();
  const hex = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => Number.parseInt(c, 16)));
  for (const s of all.filter((x) => x.includes('beginbfrange') || x.includes('beginbfchar'))) {
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const from = Number.parseInt(m[1] ?? '0', 16);
      let i = 0;
      for (const u of (m[3] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)) map.set(from + i++, hex(u[1] ?? ''));
    }
    for (const m of s.matchAll(/^<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>$/gm))
      map.set(Number.parseInt(m[1] ?? '0', 16), hex(m[2] ?? ''));
  }
  let text = '';
  for (const s of all.filter((x) => / T[Jj]/.test(x))) {
    for (const op of s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const body = op[1] ?? `<${op[2]}>`;
      for (const h of body.matchAll(/<([0-9a-fA-F]*)>/g))
        for (const code of (h[1] ?? '').match(/.{4}/g) ?? [])
          text += map.get(Number.parseInt(code, 16)) ?? '';
    }
    text += '\n';
  }
  return text;
}
