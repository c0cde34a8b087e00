import { excerptOf } from './excerpt.js';

describe('excerptOf', () => {
  it('keeps the first paragraphs, whitespace collapsed, pages treated as paragraphs', () => {
    expect(excerptOf('  Mobility   plan\nfor Lisbon\n\nBudget\fPartners  ')).toBe(
      'Mobility plan for Lisbon\n\nBudget\n\nPartners',
    );
  });

  it('stops at about 600 characters, cutting a long paragraph at a word', () => {
    const long = 'word '.repeat(200);
    const excerpt = excerptOf(`Title\n\n${long}`);
    expect(excerpt.length).toBeLessThanOrEqual(600);
    expect(excerpt).toMatch(/^Title\n\nword word .*word…$/s);
  });

  it('cuts text without spaces (Chinese, Japanese) at a character', () => {
    const excerpt = excerptOf('城市'.repeat(500));
    expect(excerpt).toHaveLength(600);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('is empty for a text of whitespace only', () => {
    expect(excerptOf(' \n\f\n ')).toBe('');
  });
});
