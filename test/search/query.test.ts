import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/errors.js';
import { ftsQuery, parseSearch, tsQuery } from '../../src/modules/search/query.js';
import { snippet } from '../../src/modules/search/snippet.js';
import { indexTerms } from '../../src/modules/search/terms.js';

describe('search query', () => {
  it('segments a word typed as one, so its parts must all match', () => {
    const q = parseSearch('外包装破损');
    expect(q.include.map((t) => t.text)).toEqual(expect.arrayContaining(['外包装', '破损']));
  });

  it('turns number fragments into prefix queries and keeps exclusions and phrases apart', () => {
    const q = parseSearch('破损 1234 -破碎 "外包装破损" -"已赔付"');
    expect(q.include).toContainEqual({ text: '1234', prefix: true });
    expect(q.include).toContainEqual({ text: '破损', prefix: false });
    expect(q.exclude).toEqual([[{ text: '破碎', prefix: false }]]);
    expect(q.phrases).toEqual(['外包装破损']);
    expect(q.notPhrases).toEqual(['已赔付']);
  });

  it('matches a character typed alone as a prefix, one split off a longer word as itself', () => {
    expect(parseSearch('破').include).toEqual([{ text: '破', prefix: true }]);
    const split = parseSearch('红酒碎了');
    expect(split.include).toContainEqual({ text: '碎', prefix: false });
    expect(split.include).toContainEqual({ text: '了', prefix: false });
    // The document's words hold the split characters too, so the exact terms find it.
    const terms = indexTerms('里面的红酒碎了，要求赔偿。');
    for (const t of split.include) expect(terms).toContain(t.text);
  });

  it('quotes every term, so what is typed is never query syntax', () => {
    const q = parseSearch(`破损 O'Neil NEAR -破碎`);
    expect(ftsQuery(q)).toBe('("破损" AND "o" AND "neil"* AND "near"*) NOT ("破碎")');
    expect(tsQuery(q)).toBe("('破损' & 'o' & 'neil':* & 'near':*) & !('破碎')");
  });

  it('refuses a search of exclusions only, naming the field', () => {
    const refused = (q: string) => {
      try {
        parseSearch(q);
      } catch (e) {
        return e instanceof DomainError ? JSON.stringify(e) : null;
      }
      return null;
    };
    expect(refused('-破碎')).toContain('"path":"/q","source":"querystring"');
    expect(refused('，。')).toContain('search_words_required');
  });

  it('indexes the suffixes of long numbers, so a fragment finds them', () => {
    const terms = indexTerms('运单 SF8812345678 外包装破损');
    expect(terms).toEqual(
      expect.arrayContaining(['sf8812345678', '12345678', '5678', '外包装', '包装', '破损']),
    );
    expect(terms).not.toContain('678');
  });
});

describe('snippet', () => {
  it('marks every hit inside an excerpt of at most 120 characters around the first one', () => {
    const body = `${'前'.repeat(200)}外包装破损了${'后'.repeat(200)}破损`;
    const s = snippet(body, ['外包装', '破损']);
    expect(s).not.toBeNull();
    if (!s) return;
    expect(s.text.length).toBeLessThanOrEqual(120);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['外包装', '破损']);
  });

  it('is null when nothing of the query is in the text', () => {
    expect(snippet('包裹延误', ['破损'])).toBeNull();
  });
});
