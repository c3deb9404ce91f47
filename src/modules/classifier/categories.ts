import type { Db, Tx } from '../../db/database.js';
import { categoriesById } from '../categories/index.js';
import type { CategoryGuessView } from './schemas.js';

export interface CategoryRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  path: string;
}

/** The index of each cached category list (a new list, after a change, gets a new index). */
const built = new WeakMap<object, CategoryIndex>();

/** The organisation's active categories, and how a model's label names one of them. */
export class CategoryIndex {
  private readonly byId: Map<number, CategoryRow>;
  private readonly byName = new Map<string, CategoryRow>();

  constructor(rows: CategoryRow[]) {
    this.byId = new Map(rows.map((r) => [r.id, r]));
    // Codes first, then Chinese and English names: a code wins over a name that happens to equal it.
    for (const key of ['name_en', 'name_zh', 'code'] as const)
      for (const r of rows) this.byName.set(r[key].trim().toLowerCase(), r);
  }

  static async load(db: Db | Tx): Promise<CategoryIndex> {
    const all = await categoriesById(db);
    let index = built.get(all);
    if (!index) {
      index = new CategoryIndex([...all.values()].filter((c) => c.active === 1));
      built.set(all, index);
    }
    return index;
  }

  /** Only the category `id` and its ancestors (enough to show its path): for one complaint's detail. */
  static async loadPathOf(db: Db | Tx, id: number): Promise<CategoryIndex> {
    const all = await categoriesById(db);
    const path = (all.get(id)?.path ?? '').split('/').filter(Boolean);
    return new CategoryIndex(path.map((step) => all.get(Number(step))).filter((c) => c !== undefined));
  }

  get(id: number): CategoryRow | undefined {
    return this.byId.get(id);
  }

  /** The category a label names (its code, Chinese or English name; for paths `a/b`, the last step). */
  resolve(label: string): CategoryRow | undefined {
    const key = label.trim().toLowerCase();
    return (
      this.byName.get(key) ?? (key.includes('/') ? this.byName.get(key.split('/').pop() ?? '') : undefined)
    );
  }

  guess(row: CategoryRow, confidence: number): CategoryGuessView {
    const path = row.path
      .split('/')
      .filter(Boolean)
      .map((id) => this.byId.get(Number(id)))
      .filter((c): c is CategoryRow => c !== undefined)
      .map((c) => ({ id: c.id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en }));
    return { id: row.id, code: row.code, path, confidence: roundConfidence(confidence) };
  }

  /** Every name of the category and of each ancestor, for evaluating against gold labels. */
  names(row: CategoryRow): string[][] {
    return row.path
      .split('/')
      .filter(Boolean)
      .map((id) => this.byId.get(Number(id)))
      .filter((c): c is CategoryRow => c !== undefined)
      .map((c) => [c.code, c.name_zh, c.name_en]);
  }
}

export const roundConfidence = (p: number) => Math.round(p * 10000) / 10000;
