import { describe, expect, it } from 'vitest';
import { escalationWords, wordList } from './escalation-words.js';
import { DEFAULT_ESCALATION_WORDS } from './settings.js';

const list = wordList(DEFAULT_ESCALATION_WORDS);

describe('escalation words on jieba words', () => {
  it('finds the threat of media, lawyers and the regulator in real complaint sentences', () => {
    expect(escalationWords('我要去媒体曝光你们', list)).toEqual(['曝光', '媒体']);
    expect(escalationWords('我已经找了律师准备起诉你们', list)).toEqual(['律师', '起诉']);
    expect(escalationWords('再不处理我就去12315投诉', list)).toEqual(['12315']);
    // A phrase of two words (邮政 / 管理局) matches as consecutive words.
    expect(escalationWords('我要向邮政管理局投诉你们', list)).toEqual(['邮政管理局']);
    expect(escalationWords('去消协告你们', list)).toEqual(['消协']);
  });

  it('does not fire where the characters straddle or sit inside other words', () => {
    // 引起 / 诉求: the characters 起诉 straddle two words.
    expect(escalationWords('快递延误引起诉求不断', list)).toEqual([]);
    // 曝光率 is one word; 多媒体 and 记者站 too.
    expect(escalationWords('你们的广告曝光率那么高，服务却这么差', list)).toEqual([]);
    expect(escalationWords('多媒体教室的设备在运输中摔坏了', list)).toEqual([]);
    // 12315 inside a phone number or a waybill.
    expect(escalationWords('联系电话13912315678，运单SF1231598765', list)).toEqual([]);
  });

  it('uses the admin’s list', () => {
    expect(escalationWords('我要发到抖音上', wordList(['抖音']))).toEqual(['抖音']);
    expect(escalationWords('我要发到抖音上', wordList([]))).toEqual([]);
  });
});
