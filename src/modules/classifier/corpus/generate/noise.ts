import { pick } from './template.js';

/**
 * How real texts differ from tidy ones: homophones and typos of pinyin input (快递→快第, 派送→派件),
 * pinyin abbreviations, net slang, emoji and sloppy punctuation. Written by us (Apache-2.0).
 */
export type Swaps = ReadonlyArray<readonly [string, readonly string[]]>;

const SWAPS: Swaps = [
  ['快递', ['快第', '快滴', 'kd', '快地', '快递']],
  ['派送', ['派件', '配送', '派送', '派宋']],
  ['物流', ['物留', 'wl', '无流', '物流']],
  ['签收', ['签受', '签收了', '前收']],
  ['包裹', ['包过', '包果', '包裹']],
  ['什么', ['神马', '啥', '什么', '甚么']],
  ['怎么', ['咋', '肿么', '怎么', '咋个']],
  ['没有', ['木有', '没', '莫得', '冇']],
  ['东西', ['东东', '东西', '东东西']],
  ['垃圾', ['辣鸡', 'lj', '垃圾']],
  ['客服', ['kf', '客服', '刻服']],
  ['已经', ['以经', '已经', '己经']],
  ['真的', ['真滴', '真的', '真d']],
  ['不知道', ['不造', '不晓得', '不知道']],
  ['还没', ['还木', '还没', '还莫']],
  ['太', ['忒', '贼', '太', '巨']],
  ['收到', ['收倒', '收到', '收道']],
  ['外卖', ['外卖', 'wm', '外麦']],
];

const ANGRY_EMOJI = ['😡', '😤', '🙄', '😭', '👎', '💢', '😓', '🤬', '😠', '🥲', '😑'];
const HAPPY_EMOJI = ['👍', '😊', '❤️', '🌹', '😄', '💯'];
const JOINERS = ['，', '。', ' ', '！', '', '~', ',', '...', '；'];

export const joiner = (random: () => number) => pick(JOINERS, random);

/** Each known word (of the shared ones and `extra`) is swapped for a variant with probability `rate`. */
export function misspell(text: string, random: () => number, extra: Swaps = [], rate = 0.18): string {
  let out = text;
  for (const [word, variants] of extra.length ? [...SWAPS, ...extra] : SWAPS) {
    if (!out.includes(word)) continue;
    out = out
      .split(word)
      .reduce((acc, part) => `${acc}${random() < rate ? pick(variants, random) : word}${part}`);
  }
  return out;
}

export function emoji(random: () => number, happy: boolean): string {
  const set = happy ? HAPPY_EMOJI : ANGRY_EMOJI;
  const n = 1 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => pick(set, random)).join('');
}
