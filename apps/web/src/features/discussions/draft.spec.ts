import { describe, expect, it } from '@jest/globals';
import { referenceFrom, withReference } from './draft';

describe('draft references', () => {
  const reference = {
    label: 'Local Action Plan — Málaga · 3. Vision',
    path: '/plans/p1#plan-section-vision',
  };

  it('takes a reference to a path in the app from the navigation state, and nothing else', () => {
    expect(referenceFrom({ reference })).toEqual(reference);
    expect(referenceFrom(null)).toBeNull();
    expect(referenceFrom({ draft: 'text' })).toBeNull();
    expect(
      referenceFrom({ reference: { label: 'x', path: 'https://elsewhere.example/' } }),
    ).toBeNull();
    expect(referenceFrom({ reference: { label: 'x', path: '//elsewhere.example/' } })).toBeNull();
    expect(referenceFrom({ reference: { label: ' ', path: '/plans/p1' } })).toBeNull();
    expect(referenceFrom({ reference: { label: 1, path: '/plans/p1' } })).toBeNull();
  });

  it('sends the reference as a link before the text, brackets taken out of its words', () => {
    expect(withReference(reference, 'shall we align?')).toBe(
      `[${reference.label}](${reference.path}) shall we align?`,
    );
    expect(withReference(reference, '  ')).toBe(`[${reference.label}](${reference.path})`);
    expect(withReference({ label: 'Plan [draft]', path: '/plans/p1' }, 'ok')).toBe(
      '[Plan draft](/plans/p1) ok',
    );
    expect(withReference(null, 'just text')).toBe('just text');
  });
});
