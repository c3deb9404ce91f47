import { describe, expect, it } from 'vitest';
import { expressPreset, flattenPreset, presets } from './index.js';
import type { CategoryPreset, PresetNode } from './types.js';

/** Every node of a preset with its depth (roots at 1). */
function walk(p: CategoryPreset): Array<{ node: PresetNode; depth: number }> {
  const out: Array<{ node: PresetNode; depth: number }> = [];
  const visit = (nodes: PresetNode[], depth: number): void => {
    for (const node of nodes) {
      out.push({ node, depth });
      visit(node.children ?? [], depth + 1);
    }
  };
  visit(p.tree, 1);
  return out;
}

/** DOMAIN.md, "Express default category tree": level 1 and its level-2 causes, in order. */
const DOMAIN_EXPRESS: Array<[string, string[]]> = [
  ['延误', ['揽收后未及时发出', '中转延误', '派送延误']],
  ['丢失短少', ['整件丢失', '内件短少']],
  ['损毁', ['外包装破损', '内件损坏']],
  ['投递服务', ['未按址投递', '虚假签收', '未经同意放快递柜/驿站', '服务态度']],
  ['收寄服务', ['未按约上门揽收', '拒收拒寄', '揽收态度']],
  ['违规收费', ['额外收费', '运费争议', '退费']],
  ['代收货款', ['货款未返还', '金额不符']],
  ['信息', ['物流信息不准确', '信息未更新', '个人信息泄露']],
  ['其他', ['商品质量', '合同纠纷', '其他']],
];

describe('category presets', () => {
  it('offers express and retail, keyed by name', () => {
    expect(Object.keys(presets).sort()).toEqual(['express', 'retail']);
    for (const [key, p] of Object.entries(presets)) {
      expect(p.name).toBe(key);
      expect(p.zh.trim()).not.toBe('');
      expect(p.en.trim()).not.toBe('');
      expect(p.tree.length).toBeGreaterThan(0);
    }
  });

  for (const p of Object.values(presets)) {
    describe(p.name, () => {
      const all = walk(p);

      it('has unique codes across the whole tree', () => {
        const codes = all.map((x) => x.node.code);
        expect(new Set(codes).size).toBe(codes.length);
      });

      it('uses short ASCII slugs nested under the parent code', () => {
        const check = (nodes: PresetNode[], parent: string | null): void => {
          for (const n of nodes) {
            expect(n.code).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/);
            if (parent === null) expect(n.code).not.toContain('.');
            else expect(n.code.startsWith(`${parent}.`)).toBe(true);
            check(n.children ?? [], n.code);
          }
        };
        check(p.tree, null);
      });

      it('is at most four levels deep (at most three in the preset itself)', () => {
        const depth = Math.max(...all.map((x) => x.depth));
        expect(depth).toBeLessThanOrEqual(4);
        expect(depth).toBeLessThanOrEqual(3);
      });

      it('names every node in Chinese and English', () => {
        for (const { node } of all) {
          expect(node.zh.trim(), node.code).not.toBe('');
          expect(node.en.trim(), node.code).not.toBe('');
        }
      });

      it('gives every level-1 category at least one cause, and no empty children arrays', () => {
        for (const root of p.tree) expect(root.children?.length ?? 0, root.code).toBeGreaterThan(0);
        for (const { node } of all) {
          if (node.children) expect(node.children.length, node.code).toBeGreaterThan(0);
        }
      });

      it('flattens depth-first, parents before children, with correct levels and sort', () => {
        const flat = flattenPreset(p);
        expect(flat.map((r) => r.code)).toEqual(all.map((x) => x.node.code));
        const seen = new Map<string, number>();
        for (const row of flat) {
          if (row.parentCode === null) {
            expect(row.level).toBe(1);
          } else {
            const parentLevel = seen.get(row.parentCode);
            expect(parentLevel, `${row.code} before its parent`).toBeDefined();
            expect(row.level).toBe((parentLevel ?? 0) + 1);
          }
          seen.set(row.code, row.level);
        }
        const roots = flat.filter((r) => r.parentCode === null);
        expect(roots.map((r) => r.sort)).toEqual(p.tree.map((_, i) => i));
        expect(roots.map((r) => r.code)).toEqual(p.tree.map((n) => n.code));
        for (const row of flat) {
          const siblings = flat.filter((r) => r.parentCode === row.parentCode);
          expect(siblings.indexOf(row)).toBe(row.sort);
        }
      });
    });
  }

  describe('express', () => {
    it("level 1 is DOMAIN.md's nine State Post Bureau categories, in order", () => {
      expect(expressPreset.tree.map((n) => n.zh)).toEqual([
        '延误',
        '丢失短少',
        '损毁',
        '投递服务',
        '收寄服务',
        '违规收费',
        '代收货款',
        '信息',
        '其他',
      ]);
    });

    it("level 2 is DOMAIN.md's causes, in order", () => {
      expect(expressPreset.tree.map((n) => [n.zh, (n.children ?? []).map((c) => c.zh)])).toEqual(
        DOMAIN_EXPRESS,
      );
    });

    it('splits damaged contents into fragile, electronics and perishables', () => {
      const flat = flattenPreset(expressPreset);
      const contents = flat.find((r) => r.zh === '内件损坏');
      expect(contents?.level).toBe(2);
      const under = flat.filter((r) => r.parentCode === contents?.code).map((r) => r.zh);
      expect(under).toEqual(['易碎品破损', '电子产品损坏', '食品生鲜变质']);
      expect(flat.find((r) => r.code === 'damage.contents.fragile')?.level).toBe(3);
    });
  });
});
