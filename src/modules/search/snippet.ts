/** An excerpt of a document around the first hit; `marks` are [start, end) UTF-16 offsets into `text`. */
export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

const SNIPPET_LENGTH = 120;
/** How much text stands before the first hit. */
const LEAD = 30;
const ELLIPSIS = '…';

/** The hits of `highlights` (longest first) in `lower`, left to right, not overlapping. */
function hits(lower: string, highlights: string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = 0; i < lower.length; ) {
    const h = highlights.find((w) => w && lower.startsWith(w, i));
    if (h) {
      found.push([i, i + h.length]);
      i += h.length;
    } else i++;
  }
  return found;
}

/**
 * A ≤ 120-character excerpt of `body` around its first hit, '…' where cut, with every hit inside
 * marked; null when nothing of the query occurs in the text (it matched by a number prefix).
 * `highlights` are lower case, longest first.
 */
export function snippet(body: string, highlights: string[]): Snippet | null {
  const text = body.replace(/\s+/g, ' ');
  const lowered = text.toLowerCase();
  // Lower-casing keeps offsets for every script a complaint is written in; if not, compare as is.
  const lower = lowered.length === text.length ? lowered : text;
  const all = hits(lower, highlights);
  const first = all[0];
  if (!first) return null;
  const start = Math.max(0, first[0] - LEAD);
  const lead = start > 0 ? ELLIPSIS : '';
  let end = Math.min(text.length, start + SNIPPET_LENGTH - lead.length);
  if (end < text.length) end -= ELLIPSIS.length;
  const excerpt = `${lead}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`;
  const marks = all
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + lead.length, e - start + lead.length]);
  return { text: excerpt, marks };
}
