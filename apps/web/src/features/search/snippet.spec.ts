import { describe, expect, it } from '@jest/globals';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Snippet, snippetParts, unescapeHtml } from './snippet';

const html = (snippet: string) => renderToStaticMarkup(createElement(Snippet, { snippet }));

describe('snippetParts', () => {
  it('splits on <mark> and unescapes the five entities into text', () => {
    expect(snippetParts('a &amp; b <mark>c&lt;d&gt;</mark> &quot;e&quot; &#39;f&#39;')).toEqual([
      { text: 'a & b ', mark: false },
      { text: 'c<d>', mark: true },
      { text: ' "e" \'f\'', mark: false },
    ]);
  });

  it('unescapes once: "&amp;lt;" is the text "&lt;"', () => {
    expect(unescapeHtml('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('leaves other entities and tags as text', () => {
    expect(snippetParts('&nbsp;<b>x</b>')).toEqual([{ text: '&nbsp;<b>x</b>', mark: false }]);
  });

  it('drops a stray </mark> and closes an open <mark> at the end', () => {
    expect(snippetParts('a</mark> <mark>b')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
  });

  it('handles an empty snippet and adjacent marks', () => {
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts('<mark>交通</mark><mark>规划</mark>')).toEqual([
      { text: '交通规划', mark: true },
    ]);
  });
});

describe('Snippet', () => {
  it('renders an escaped script tag as text, never as an element', () => {
    const out = html('say <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> now');
    expect(out).toBe('<span>say <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> now</span>');
    expect(out).not.toContain('<script');
  });

  it('renders tags that are not <mark> as text', () => {
    expect(html('<img src=x onerror=alert(1)>')).toBe(
      '<span>&lt;img src=x onerror=alert(1)&gt;</span>',
    );
  });

  it('marks only the highlighted words', () => {
    expect(html('economía <mark>circular</mark>')).toBe(
      '<span>economía <mark>circular</mark></span>',
    );
  });
});
