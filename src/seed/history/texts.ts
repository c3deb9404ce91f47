import type { Random } from './random.js';

/** A complaint text of the classifier corpus with its labels. */
export interface CorpusSample {
  text: string;
  label: string;
  priority?: string | null;
  grade?: string | null;
}

const OPENINGS = ['', '', '', '你好，', '您好，', '客服你好，', '我要投诉：', '麻烦处理一下：'];
const CLOSINGS = [
  '',
  '',
  '',
  '请尽快处理。',
  '希望尽快给我答复。',
  '请给个说法。',
  '谢谢。',
  '已经是第二次反映了。',
];
/** Waybill-like numbers in the corpus (SF1234567890, YT9876543210 …): replaced by the complaint's own. */
const WAYBILL = /\b[A-Z]{2}\d{8,13}\b/g;

/** A short title: the text's first clause, at most 20 characters. */
export function titleOf(text: string): string {
  const first = text.split(/[，。！？；,.!?;\n]/).find((s) => s.trim().length >= 4) ?? text;
  const clean = first.replace(WAYBILL, '').trim();
  return clean.length > 20 ? `${clean.slice(0, 19)}…` : clean;
}

/** The corpus text varied a little (an opening, a closing), naming the complaint's waybill. */
export function contentOf(text: string, waybillNo: string, random: Random): string {
  const body = text.replace(WAYBILL, waybillNo);
  const named = body === text && random.chance(0.4) ? `${body}，单号${waybillNo}` : body;
  const end = /[。！？!?]$/.test(named) ? '' : '。';
  return `${random.pick(OPENINGS)}${named}${end}${random.pick(CLOSINGS)}`;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';

/** A clearly made-up complainant: 王女士, a 138 number, an example.com address. */
export function fakePerson(n: number, random: Random): { name: string; phone: string; email: string | null } {
  const name = `${random.pick([...SURNAMES])}${random.chance(0.5) ? '女士' : '先生'}`;
  return {
    name,
    phone: `138${String(n).padStart(8, '0')}`,
    email: random.chance(0.2) ? `customer${n}@example.com` : null,
  };
}
