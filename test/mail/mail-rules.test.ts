import { describe, expect, it } from 'vitest';
import {
  clip,
  complaintNumbersIn,
  htmlToText,
  mailLocale,
  messageKey,
  senderName,
  withoutQuotedReply,
} from '../../src/modules/mail/mail-rules.js';

describe('reading a mail', () => {
  it('finds complaint numbers in a reply subject', () => {
    expect(complaintNumbersIn('Re: 【受理函】您的投诉 KS20261123-000007 已受理')).toEqual([
      'KS20261123-000007',
    ]);
    expect(complaintNumbersIn('回复：KS20261123-000007 和 KS20261124-000001')).toEqual([
      'KS20261123-000007',
      'KS20261124-000001',
    ]);
    expect(complaintNumbersIn('快递破损 KS2026-1')).toEqual([]);
  });

  it('keeps only the new part of a reply, but never loses the words', () => {
    expect(withoutQuotedReply('好的，谢谢。\n\n在 2026年11月23日 10:00，客服 写道：\n> 原文\n> 更多')).toBe(
      '好的，谢谢。',
    );
    expect(
      withoutQuotedReply('Thanks.\nOn Mon, 23 Nov 2026 at 10:00, Kesu <kefu@kesu.test> wrote:\n> old'),
    ).toBe('Thanks.');
    expect(withoutQuotedReply('收到\n------------------ 原始邮件 ------------------\n发件人: 客服')).toBe(
      '收到',
    );
    expect(withoutQuotedReply('> 只有引用')).toBe('> 只有引用');
  });

  it('turns an HTML body into readable text', () => {
    expect(
      htmlToText(
        '<html><head><title>x</title></head><body><p>第一段&nbsp;&lt;a&gt;</p><div>第二段<br>换行</div><script>alert(1)</script>&#x4F60;&#22909;</body></html>',
      ),
    ).toBe('第一段 <a>\n第二段\n换行\n你好');
    // An unclosed script swallows the rest rather than leaking code into the complaint.
    expect(htmlToText('<p>正文</p><script>var a = 1;')).toBe('正文');
  });

  it('answers in English only a mail written in Latin letters without Chinese', () => {
    expect(mailLocale('Parcel damaged', 'The box arrived crushed.\nOrder 123')).toBe('en');
    expect(mailLocale('Parcel damaged', '箱子压坏了')).toBe('zh-CN');
    expect(mailLocale('快递破损', 'The box arrived crushed.')).toBe('zh-CN');
    expect(mailLocale('', '')).toBe('zh-CN');
    expect(mailLocale('KS20261123-000007', '123 456')).toBe('zh-CN');
  });

  it('names the sender by display name or local part, clipped', () => {
    expect(senderName({ name: '王小明', address: 'w@example.com' }, 100)).toBe('王小明');
    expect(senderName({ name: '', address: 'li.si@example.com' }, 100)).toBe('li.si');
    expect(clip('  一二三四五  ', 3)).toBe('一二三');
  });

  it('keys a mail by its Message-ID, or by its place on the server', () => {
    const place = { mailbox: 'INBOX', uidValidity: '1795440832', uid: 7 };
    expect(messageKey('<abc@example.com>', place)).toBe('<abc@example.com>');
    expect(messageKey(undefined, place)).toBe('INBOX/1795440832/7');
    expect(messageKey(`<${'x'.repeat(300)}@example.com>`, place)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
