/**
 * Synonym classes (近义词): the many ways customers say one thing, each class one feature ("l:…"),
 * so a way of saying it the training texts lack still counts where its synonyms were learned.
 * Matched as substrings of the normalised text. Written by us for Kesu (Apache-2.0).
 */
export const LEXICON: Readonly<Record<string, readonly string[]>> = {
  slow: [
    '还没到',
    '没送到',
    '还没送',
    '迟迟',
    '磨蹭',
    '拖拉',
    '龟速',
    '蜗牛',
    '太慢',
    '好慢',
    '贼慢',
    '忒慢',
    '慢死',
    '等了',
    '才到',
    '才送',
    '运输中',
    '在途',
    '不动',
    '卡在',
    '延误',
    '超时',
    '晚了',
    '耽误',
    '不派送',
    '才发货',
    '没发货',
    '不发货',
    '没发出',
    '发货慢',
    '凉了',
    '凉透',
    '等到',
  ],
  lost: ['丢了', '丢件', '丢失', '弄丢', '搞丢', '找不到', '不见了', '遗失', '没下落'],
  short: ['少了', '少发', '漏发', '缺了', '少一', '空盒', '掉包', '调包', '只收到', '只到了', '不全'],
  broken: [
    '碎了',
    '破了',
    '破损',
    '压扁',
    '压瘪',
    '压烂',
    '挤出来',
    '挤爆',
    '漏了',
    '洒了',
    '撒了',
    '变形',
    '摔坏',
    '裂了',
    '凹',
    '瘪了',
    '烂了',
    '化了',
    '塌了',
    '稀烂',
    '划痕',
    '摔碎',
    '漏出',
  ],
  rude: ['态度', '骂人', '骂我', '凶', '不耐烦', '挂电话', '吼', '脸色', '爆粗口', '难听', '嚣张', '不礼貌'],
  fee: [
    '收费',
    '加钱',
    '收钱',
    '运费',
    '快递费',
    '邮费',
    '配送费',
    '上楼费',
    '包装费',
    '耗材费',
    '多收',
    '多扣',
    '保管费',
  ],
  station: ['驿站', '快递柜', '丰巢', '代收点', '菜鸟'],
  signed: ['签收', '代签', '已送达'],
  tracking: ['物流信息', '没更新', '不更新', '查不到', '单号', '轨迹', '停更'],
  leak: ['泄露', '诈骗', '骚扰电话', '推销'],
  goods: [
    '质量',
    '做工',
    '色差',
    '尺码',
    '码数',
    '味道',
    '口味',
    '口感',
    '难吃',
    '好吃',
    '假货',
    '起球',
    '掉色',
    '图片不符',
    '不一样',
    '分量',
    '异味',
    '效果',
    '面料',
    '好用',
    '难用',
  ],
  price: ['价格', '价钱', '太贵', '降价', '便宜', '保价', '差价', '不值', '性价比', '优惠券', '满减'],
  shop: ['商家', '卖家', '店家', '客服', '店铺', '退货', '退款', '发票'],
  praise: ['好评', '很快', '神速', '给力', '满意', '点赞', '不错', '挺好', '喜欢', '推荐', '回购', '五星'],
};

/** Lexicon words by their first character: one pass over the text finds every class mentioned. */
const BY_FIRST = new Map<string, Array<{ word: string; name: string }>>();
for (const [name, words] of Object.entries(LEXICON))
  for (const word of words) {
    const first = word[0] as string;
    const list = BY_FIRST.get(first);
    if (list) list.push({ word, name });
    else BY_FIRST.set(first, [{ word, name }]);
  }

/** The synonym classes `text` (already normalised) mentions, each once, in order of first mention. */
export function lexiconClasses(text: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const candidates = BY_FIRST.get(text[i] as string);
    if (!candidates) continue;
    for (const { word, name } of candidates)
      if (!found.has(name) && text.startsWith(word, i)) found.add(name);
  }
  return [...found];
}
