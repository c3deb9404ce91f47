import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterDocuments } from './cluster.js';
import { tfidf, topWords } from './vectors.js';
import { topicWords } from './words.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXPRESS = path.join(here, '../classifier/corpus/express.tsv');
/** The shared data folder beside the checkout (../shared/data), see its README; skipped when absent. */
const COCC = [path.resolve(here, '../../../../shared/data'), path.resolve(here, '../../../../../shared/data')]
  .map((dir) => path.join(dir, 'cocc/train.tsv'))
  .find((file) => existsSync(file));

/** The first column of a TSV with a header row. */
const texts = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0]?.trim() ?? '')
    .filter(Boolean);

/** Complaints about a flooded depot: parcels soaked in a rainstorm. */
const FLOODED = [
  '暴雨后网点仓库进水，我的包裹被泡湿了，里面的书全部泡烂',
  '听说你们转运中心被水淹了，我寄的衣服泡水发霉，要求赔偿',
  '仓库进水导致包裹泡水，纸箱都烂了，东西不能用了',
  '收到的快递湿透了，快递员说是暴雨仓库被淹',
  '暴雨天仓库漏水，我的电脑包裹泡水损坏',
  '包裹明显泡过水，外箱发霉，里面的茶叶全湿了，说是仓库进水',
  '网点说暴雨淹了仓库，我的件泡水了谁负责',
  '暴雨导致分拨中心进水，快件泡水，什么时候给处理',
  '拿到包裹全是水，说是仓库被暴雨淹了',
  '泡水的包裹还给我派送了，东西全毁了，暴雨不是理由',
];

/** Fraud calls by people posing as the courier's customer service, offering compensation. */
const FRAUD = [
  '有人冒充你们客服打电话说我的快递丢了要理赔，让我扫码，是不是信息泄露了',
  '接到冒充快递客服的诈骗电话，对方知道我的单号和地址',
  '骗子冒充快递公司客服说包裹丢失要理赔，差点被骗',
  '刚寄完快递就接到诈骗电话，冒充客服理赔，个人信息被泄露',
  '冒充客服的人让我下载软件办理理赔退款，你们泄露了我的信息',
  '诈骗分子冒充快递理赔，准确说出我的姓名电话，怀疑信息泄露',
  '快递信息泄露，骗子冒充客服打电话骗我转账理赔',
  '冒充快递客服诈骗理赔，我被骗了五百元',
];

const INJECTED = [
  { name: 'flooded depot', texts: FLOODED, words: ['暴雨', '泡水', '仓库', '进水'] },
  { name: 'fraud calls', texts: FRAUD, words: ['冒充', '诈骗', '理赔', '客服', '泄露'] },
];

/** Injected groups spread through the background, as complaints arrive among others. */
function topicsOf(background: string[]) {
  const docs = background.map((text) => ({ text, group: '' }));
  INJECTED.forEach((g, gi) => {
    g.texts.forEach((text, i) => {
      const at = Math.floor(((i + 1) * docs.length) / (g.texts.length + 1)) + gi;
      docs.splice(at, 0, { text, group: g.name });
    });
  });
  const { vectors, df } = tfidf(docs.map((d) => topicWords(d.text)));
  const groups = clusterDocuments(vectors, df);
  return { docs, groups };
}

function expectInjectedFound(background: string[]) {
  const { docs, groups } = topicsOf(background);
  for (const g of INJECTED) {
    const best = groups
      .map((topic) => ({ topic, hits: topic.members.filter((m) => docs[m]?.group === g.name).length }))
      .sort((a, b) => b.hits - a.hits)[0];
    expect(best, g.name).toBeDefined();
    if (!best) continue;
    const words = topWords(best.topic.centroid, 5);
    console.log(
      `${g.name}: ${best.hits} of ${g.texts.length} in a topic of ${best.topic.members.length}: ${words.join(' ')}`,
    );
    expect(best.hits, g.name).toBeGreaterThanOrEqual(Math.ceil(g.texts.length * 0.8));
    expect(best.hits / best.topic.members.length, `${g.name} purity`).toBeGreaterThanOrEqual(0.6);
    expect(words.filter((w) => g.words.includes(w)).length, `${g.name} key words`).toBeGreaterThanOrEqual(2);
  }
  return groups;
}

describe('hot topics on the shipped corpora', () => {
  it('finds injected groups among the express corpus with their key words', () => {
    const groups = expectInjectedFound(texts(EXPRESS));
    console.log(`express: ${groups.length} topics`);
  });

  it.skipIf(!COCC)('finds them among real telecom work orders (COCC)', () => {
    const groups = expectInjectedFound(texts(COCC as string));
    console.log(`cocc: ${groups.length} topics`);
  });
});
