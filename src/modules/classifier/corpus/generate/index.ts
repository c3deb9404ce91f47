import type { Sample } from '../../model.js';
import { seededRandom } from '../../random.js';
import { COMMON } from './common.js';
import { EXPRESS_KERNELS, FEES } from './express.js';
import { emoji, joiner, misspell } from './noise.js';
import { OTHER_KERNELS } from './other.js';
import { expand, type Lexicon, pick } from './template.js';

/** Texts per level-1 class of the express tree; 其他 gets twice as many (it is the widest class). */
export const PER_LEVEL_ONE = 1200;
export const GENERATOR_SEED = 2026;

const KERNELS: Readonly<Record<string, readonly string[]>> = { ...EXPRESS_KERNELS, ...OTHER_KERNELS };
const LEXICON: Lexicon = { ...COMMON, fee: FEES };
const DELIVERY_LEAVES = Object.keys(EXPRESS_KERNELS);
const levelOne = (leaf: string) => leaf.split('.')[0] as string;

/** Leaves of `label`'s level-1 class share its texts (other.misc and other.goods carry 其他). */
function quota(leaf: string): number {
  const siblings = Object.keys(KERNELS).filter((l) => levelOne(l) === levelOne(leaf));
  if (leaf === 'other.contract') return Math.round(PER_LEVEL_ONE / 8);
  if (levelOne(leaf) === 'other') return PER_LEVEL_ONE;
  return Math.round(PER_LEVEL_ONE / siblings.length);
}

const chance = (random: () => number, p: number) => random() < p;

/** One text about `leaf`: a kernel, and some of what surrounds it in a real message. */
function compose(leaf: string, random: () => number): string {
  const x = (t: string) => expand(t, LEXICON, random);
  const kernels = KERNELS[leaf] ?? [];
  const isOther = levelOne(leaf) === 'other';
  const parts: string[] = [];
  if (chance(random, 0.12)) parts.push(x('{filler}'));
  if (chance(random, 0.3))
    parts.push(
      x(
        pick(['{when}{ordered}{goods}', '{carrier}的{parcel}', '{ordered}{goods}', '这次的{parcel}'], random),
      ),
    );
  parts.push(x(pick(kernels, random)));
  if (chance(random, 0.25)) parts.push(x(pick(kernels, random)));
  // Messages mix the goods with the delivery: the delivery problem still decides the class.
  if (!isOther && chance(random, 0.2)) parts.push(x(chance(random, 0.6) ? '{praiseGoods}' : '{blameGoods}'));
  if (!isOther && chance(random, 0.07))
    parts.push(x(pick(KERNELS[pick(DELIVERY_LEAVES, random)] ?? [], random)));
  if (isOther && chance(random, 0.15)) parts.push(x('{praiseDelivery}'));
  if (!isOther && chance(random, 0.35)) parts.push(x('{anger}'));
  if (!isOther && chance(random, 0.2)) parts.push(x('{demand}'));
  let text = parts.reduce((acc, part) => `${acc}${joiner(random)}${part}`);
  text = misspell(text, random);
  if (chance(random, 0.2)) text += emoji(random, isOther && leaf === 'other.misc');
  return text;
}

/**
 * The generated express corpus: deterministic for a seed, distinct texts, leaf labels. Used with
 * the tidy hand-written corpus (express.tsv) to train the starter model.
 */
export function generateExpressCorpus(seed = GENERATOR_SEED, scale = 1): Sample[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const leaf of Object.keys(KERNELS).sort()) {
    const want = Math.round(quota(leaf) * scale);
    for (let tries = 0, made = 0; made < want && tries < want * 4; tries++) {
      const text = compose(leaf, random);
      if (seen.has(text)) continue;
      seen.add(text);
      samples.push({ text, label: leaf });
      made++;
    }
  }
  return samples;
}
