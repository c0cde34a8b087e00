import { describe, expect, it } from '@jest/globals';
import { byteLength, insertMention, mentionQuery } from './mentions';

describe('mentionQuery', () => {
  it('finds the @word being typed at the caret', () => {
    expect(mentionQuery('hello @wa', 9)).toEqual({ start: 6, query: 'wa' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('(@lucía', 7)).toEqual({ start: 1, query: 'lucía' });
  });

  it('ignores e-mail addresses, finished mentions and text after the caret', () => {
    expect(mentionQuery('mail a@b.test', 13)).toBeNull();
    expect(mentionQuery('@wang.li done', 13)).toBeNull();
    expect(mentionQuery('@wang and more', 3)).toEqual({ start: 0, query: 'wa' });
  });
});

describe('insertMention', () => {
  it('replaces the typed query by the handle and a space, caret after it', () => {
    const text = 'hi @wa, see';
    const q = mentionQuery(text, 6)!;
    expect(insertMention(text, q, 6, 'wang.li')).toEqual({ text: 'hi @wang.li , see', caret: 12 });
    expect(insertMention('@', { start: 0, query: '' }, 1, 'x')).toEqual({ text: '@x ', caret: 3 });
    expect(insertMention('@l rest', { start: 0, query: 'l' }, 2, 'lucia')).toEqual({
      text: '@lucia rest',
      caret: 7,
    });
  });
});

describe('byteLength', () => {
  it('counts UTF-8 bytes, as the server does', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('净月')).toBe(6);
    expect(byteLength('👍')).toBe(4);
  });
});
