import { describe, expect, it } from 'vitest';
import { placeholders, render, renderNotice } from './render.js';

describe('render', () => {
  it('replaces placeholders with their values', () => {
    expect(
      render('投诉 {number} 已受理，处理人：{handler}', { number: 'KS-2026-0001', handler: '张三' }),
    ).toBe('投诉 KS-2026-0001 已受理，处理人：张三');
    expect(render('{a}{a}{b}', { a: 1, b: 2.5 })).toBe('112.5');
    expect(render('no. {complaint.number}', { 'complaint.number': 'K-1' })).toBe('no. K-1');
  });

  it('renders null and undefined values as nothing', () => {
    expect(render('[{x}][{y}]', { x: null, y: undefined })).toBe('[][]');
  });

  it('leaves unknown placeholders visible', () => {
    expect(render('Dear {name}, see {link}', { name: 'Li' })).toBe('Dear Li, see {link}');
    expect(render('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('reads {{ as a literal brace', () => {
    expect(render('{{name} is {name}', { name: 'x' })).toBe('{name} is x');
    expect(render('{{{name}}', { name: 'x' })).toBe('{x}');
    expect(render('{{{{', {})).toBe('{{');
  });

  it('leaves other braces alone', () => {
    expect(render('{"a": 1} { name } {1x} {} }{', { name: 'x', '1x': 'y' })).toBe(
      '{"a": 1} { name } {1x} {} }{',
    );
    expect(render('', { a: 'b' })).toBe('');
  });

  it('does not expand placeholders inside values', () => {
    expect(render('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});

describe('placeholders', () => {
  it('lists each name once, in order, skipping escaped ones', () => {
    expect(placeholders('{b} {a} {b} {{c} {{{d}} { e } {f.g}')).toEqual(['b', 'a', 'd', 'f.g']);
    expect(placeholders('plain text')).toEqual([]);
  });

  it('keeps one full stop where a value ends its own sentence before the template’s', () => {
    expect(renderNotice('处理结果：{result}。如有疑问请回复。', { result: '责任在我司，已整改。' })).toBe(
      '处理结果：责任在我司，已整改。如有疑问请回复。',
    );
    expect(renderNotice('申诉：{reason}。', { reason: '请复核！' })).toBe('申诉：请复核！');
    expect(renderNotice('结果：{result}。', { result: '已退款' })).toBe('结果：已退款。');
  });
});
