/**
 * The words a complaint is grouped by: jieba's precise-mode words of its text, without stop words
 * (function words and the phrases every complaint uses), single characters, and anything with a digit
 * or a Latin letter (waybill, order and phone numbers, masked values).
 */
import { words } from '../../lib/segment.js';

const STOP_WORDS = new Set(
  (
    '的 了 是 我 你 您 他 她 它 我们 你们 他们 她们 自己 在 和 与 及 或 也 就 都 而 还 又 很 太 非常 特别 ' +
    '没有 没 不 不是 吗 呢 吧 啊 呀 哦 嗯 着 过 给 把 被 让 对 从 到 向 为 于 这 那 这个 那个 这样 那样 ' +
    '一个 一些 什么 怎么 怎么办 为什么 已经 现在 今天 昨天 前天 明天 一直 还是 但是 可是 因为 所以 如果 ' +
    '然后 而且 并且 请 说 要 能 会 可以 有 一下 一次 时候 问题 情况 希望 需要 知道 觉得 感觉 谢谢 麻烦 ' +
    '到底 结果 之后 以后 之前 以前 后来 多少 几天 两天 三天 好几天 天 个 次 件 单 号 里 上 下 中 后 前 ' +
    '客户 用户 本人 反映 表示 要求 投诉 来电 致电 称 有人 是不是 对方'
  ).split(' '),
);

const LATIN_OR_DIGIT = /[0-9a-z]/;

export function topicWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !LATIN_OR_DIGIT.test(w));
}
