import { describe, expect, it } from '@jest/globals';
import { LIBRARY_LIMITS } from '@iuc/domain';
import { emptyValues, fieldsForKind, linesOf, requestOf, validate } from './formModel';

const PAIRING = '0b6a4f4e-3c1d-4a55-9c1e-5b7f2d2a9e10';
const CITY = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';

const filled = () => ({
  ...emptyValues('it', { level: 'pairing' as const, pairingId: PAIRING }),
  title: '  Circular procurement for public works ',
  problem: 'Waste from building sites',
  links: 'https://comune.bologna.it/appalti\n\n  http://example.org/report  ',
});

describe('the library form', () => {
  it('accepts a filled good practice and sends trimmed texts and one link per line', () => {
    const values = filled();
    expect(validate(values)).toEqual({});
    const body = requestOf(values);
    expect(body.title).toBe('Circular procurement for public works');
    expect(body.links).toEqual(['https://comune.bologna.it/appalti', 'http://example.org/report']);
    expect(body.scope).toEqual({ level: 'pairing', pairingId: PAIRING });
    expect(body.language).toBe('it');
  });

  it('asks for a title', () => {
    expect(validate({ ...filled(), title: '   ' })).toEqual({ title: { key: 'required' } });
  });

  it('bounds texts by LIBRARY_LIMITS', () => {
    const long = 'x'.repeat(LIBRARY_LIMITS.field + 1);
    expect(validate({ ...filled(), lessons: long }).lessons).toEqual({
      key: 'tooLong',
      max: LIBRARY_LIMITS.field,
    });
    expect(
      validate({ ...filled(), summary: 'y'.repeat(LIBRARY_LIMITS.summary + 1) }).summary,
    ).toEqual({
      key: 'tooLong',
      max: LIBRARY_LIMITS.summary,
    });
  });

  it('refuses links that are not web addresses, and too many of them', () => {
    expect(validate({ ...filled(), links: 'javascript:alert(1)' }).links).toEqual({ key: 'links' });
    expect(validate({ ...filled(), links: 'www.example.org' }).links).toEqual({ key: 'links' });
    const many = Array.from({ length: LIBRARY_LIMITS.links + 1 }, (_, i) => `https://e.org/${i}`);
    expect(validate({ ...filled(), links: many.join('\n') }).links).toEqual({
      key: 'tooMany',
      max: LIBRARY_LIMITS.links,
    });
  });

  it('needs the pairing and the city for a side item', () => {
    const side = { ...filled(), scope: { level: 'side' as const, pairingId: PAIRING } };
    expect(validate(side).scope).toEqual({ key: 'scope' });
    expect(validate({ ...side, scope: { ...side.scope, authorityId: CITY } })).toEqual({});
  });

  it('sends a programme item without pairing or city', () => {
    const body = requestOf({
      ...filled(),
      scope: { level: 'programme', pairingId: PAIRING, authorityId: CITY },
    });
    expect(body.scope).toEqual({ level: 'programme' });
  });

  it('leaves out the good-practice fields another kind does not show', () => {
    expect(fieldsForKind('good_practice')).toHaveLength(8);
    const body = requestOf({ ...filled(), kind: 'report', approach: 'Surveyed 40 sites' });
    expect(body.problem).toBe('');
    expect(body.approach).toBe('Surveyed 40 sites');
  });

  it('reads links one per line, blank lines dropped', () => {
    expect(linesOf(' a \r\n\r\nb\n')).toEqual(['a', 'b']);
  });
});
