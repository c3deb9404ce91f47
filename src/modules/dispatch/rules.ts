/** 分派规则: pure matching of a complaint against the admin's ordered rules. */

export interface DispatchConditions {
  /** The complaint's category is this one or below it. */
  categoryId?: number;
  /** The complaint was filed against this unit or below it (the registering agent's or the requested unit). */
  unitId?: number;
  /** The complaint's region field contains one of these. */
  regions?: string[];
  channels?: string[];
  priorities?: string[];
  /** Any of these words appears in the title or the content. */
  keywords?: string[];
}

export type AssignStrategy = 'none' | 'round_robin' | 'least_loaded';

export interface DispatchRule {
  id: number;
  name: string;
  position: number;
  conditions: DispatchConditions;
  unitId: number;
  assign: AssignStrategy;
  cursor: number;
}

export interface DispatchFacts {
  categoryPath: readonly number[];
  unitPath: string;
  region: string | null;
  channel: string;
  priority: string;
  text: string;
}

export function matches(c: DispatchConditions, f: DispatchFacts): boolean {
  if (c.categoryId !== undefined && !f.categoryPath.includes(c.categoryId)) return false;
  if (c.unitId !== undefined && !f.unitPath.includes(`/${c.unitId}/`)) return false;
  if (c.regions?.length && !c.regions.some((r) => f.region?.includes(r))) return false;
  if (c.channels?.length && !c.channels.includes(f.channel)) return false;
  if (c.priorities?.length && !c.priorities.includes(f.priority)) return false;
  if (c.keywords?.length && !c.keywords.some((k) => f.text.includes(k))) return false;
  return true;
}

/** The first rule, by position, whose every condition holds. */
export function firstMatch<R extends Pick<DispatchRule, 'position' | 'conditions'>>(
  rules: readonly R[],
  facts: DispatchFacts,
): R | undefined {
  return [...rules].sort((a, b) => a.position - b.position).find((r) => matches(r.conditions, facts));
}

/** Pick a handler: the next in turn, or the one with the fewest open complaints (lowest id on ties). */
export function pickHandler(
  strategy: AssignStrategy,
  candidates: ReadonlyArray<{ id: number; open: number }>,
  cursor: number,
): { userId: number; nextCursor: number } | null {
  if (strategy === 'none' || candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  if (strategy === 'round_robin') {
    const pick = sorted[cursor % sorted.length] as { id: number };
    return { userId: pick.id, nextCursor: (cursor + 1) % sorted.length };
  }
  const least = sorted.reduce((best, c) => (c.open < best.open ? c : best));
  return { userId: least.id, nextCursor: cursor };
}
