import type { Sample } from '../../model.js';
import { seededRandom } from '../../random.js';
import { COMMON } from './common.js';
import { EXPRESS_KERNELS, FEES } from './express.js';
import { emoji, joiner, misspell, type Swaps } from './noise.js';
import { OTHER_KERNELS } from './other.js';
import { RETAIL_KERNELS, RETAIL_LEXICON, RETAIL_SWAPS } from './retail.js';
import { expand, type Lexicon, pick } from './template.js';

/** Texts per level-1 class; the class of texts that are not complaints gets more (it is the widest). */
export const PER_LEVEL_ONE = 1200;
export const GENERATOR_SEED = 2026;

/** What a preset's generated corpus is made of. */
interface CorpusSpec {
  kernels: Readonly<Record<string, readonly string[]>>;
  lexicon: Lexicon;
  /** What a message may begin with: who sold or carried what. */
  openers: readonly string[];
  /** Leaves whose texts are calm (no anger, no demand; praise beside them). */
  calm: (leaf: string) => boolean;
  /** Texts for `leaf`, at scale 1. */
  quota: (leaf: string, siblings: number) => number;
  /** Said beside a complaint (praise or blame of something else) and beside a calm text. */
  asides: { praise: string; blame: string; calm: string };
  /** Leaves whose calm texts end in happy emoji. */
  happy: string;
  swaps?: Swaps;
}

const levelOne = (leaf: string) => leaf.split('.')[0] as string;

const EXPRESS: CorpusSpec = {
  kernels: { ...EXPRESS_KERNELS, ...OTHER_KERNELS },
  lexicon: { ...COMMON, fee: FEES },
  openers: ['{when}{ordered}{goods}', '{carrier}的{parcel}', '{ordered}{goods}', '这次的{parcel}'],
  calm: (leaf) => levelOne(leaf) === 'other',
  // other.misc and other.goods carry 其他 (texts about the goods, the price, the shop); contract disputes are rare.
  quota: (leaf, siblings) =>
    leaf === 'other.contract'
      ? Math.round(PER_LEVEL_ONE / 8)
      : levelOne(leaf) === 'other'
        ? PER_LEVEL_ONE
        : Math.round(PER_LEVEL_ONE / siblings),
  asides: { praise: '{praiseGoods}', blame: '{blameGoods}', calm: '{praiseDelivery}' },
  happy: 'other.misc',
};

const RETAIL: CorpusSpec = {
  kernels: RETAIL_KERNELS,
  lexicon: { ...COMMON, ...RETAIL_LEXICON },
  openers: [
    '{when}在{store}{bought}{goods}',
    '{store}的{food}',
    '{when}去{store}',
    '在{store}{bought}{food}',
  ],
  calm: (leaf) => leaf === 'other.misc' || leaf === 'other.suggestion',
  // other.misc carries what is not a complaint at all (praise, questions), so it is the largest leaf.
  quota: (leaf, siblings) =>
    leaf === 'other.misc'
      ? PER_LEVEL_ONE * 2
      : levelOne(leaf) === 'other'
        ? Math.round(PER_LEVEL_ONE / 4)
        : Math.round(PER_LEVEL_ONE / siblings),
  asides: { praise: '{praiseAside}', blame: '{blameAside}', calm: '{praiseStore}' },
  happy: 'other.misc',
  swaps: RETAIL_SWAPS,
};

const chance = (random: () => number, p: number) => random() < p;

/** One text about `leaf`: a kernel, and some of what surrounds it in a real message. */
function compose(spec: CorpusSpec, leaf: string, problems: string[], random: () => number): string {
  const x = (t: string) => expand(t, spec.lexicon, random);
  const kernels = spec.kernels[leaf] ?? [];
  const calm = spec.calm(leaf);
  const parts: string[] = [];
  if (chance(random, 0.12)) parts.push(x('{filler}'));
  if (chance(random, 0.3)) parts.push(x(pick(spec.openers, random)));
  parts.push(x(pick(kernels, random)));
  if (chance(random, 0.25)) parts.push(x(pick(kernels, random)));
  // Messages mix in what else the customer thinks: the complaint still decides the class.
  if (!calm && chance(random, 0.2))
    parts.push(x(chance(random, 0.6) ? spec.asides.praise : spec.asides.blame));
  if (!calm && chance(random, 0.07)) parts.push(x(pick(spec.kernels[pick(problems, random)] ?? [], random)));
  if (calm && chance(random, 0.15)) parts.push(x(spec.asides.calm));
  if (!calm && chance(random, 0.35)) parts.push(x('{anger}'));
  if (!calm && chance(random, 0.2)) parts.push(x('{demand}'));
  let text = parts.reduce((acc, part) => `${acc}${joiner(random)}${part}`);
  text = misspell(text, random, spec.swaps);
  if (chance(random, 0.2)) text += emoji(random, calm && leaf === spec.happy);
  return text;
}

/** A generated corpus: deterministic for a seed, distinct texts, leaf labels. */
function generate(spec: CorpusSpec, seed: number, scale: number): Sample[] {
  const random = seededRandom(seed);
  const leaves = Object.keys(spec.kernels);
  const problems = leaves.filter((l) => !spec.calm(l) && levelOne(l) !== 'other');
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const leaf of [...leaves].sort()) {
    const siblings = leaves.filter((l) => levelOne(l) === levelOne(leaf)).length;
    const want = Math.round(spec.quota(leaf, siblings) * scale);
    for (let tries = 0, made = 0; made < want && tries < want * 4; tries++) {
      const text = compose(spec, leaf, problems, random);
      if (seen.has(text)) continue;
      seen.add(text);
      samples.push({ text, label: leaf });
      made++;
    }
  }
  return samples;
}

/** The generated express corpus, used with the tidy hand-written one (express.tsv) to train the starter model. */
export const generateExpressCorpus = (seed = GENERATOR_SEED, scale = 1) => generate(EXPRESS, seed, scale);

/** The generated retail corpus, used with retail.tsv to train the retail starter model. */
export const generateRetailCorpus = (seed = GENERATOR_SEED, scale = 1) => generate(RETAIL, seed, scale);
