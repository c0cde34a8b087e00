import { contentDisposition, etagMatches, parseRange, servedInline } from './download-headers.js';

describe('download headers', () => {
  it('shows inline only what runs nothing', () => {
    for (const type of ['image/png', 'application/pdf', 'audio/mpeg', 'video/mp4', 'text/plain'])
      expect(servedInline(type)).toBe(true);
    for (const type of [
      'image/svg+xml',
      'text/html',
      'application/xml',
      'text/csv',
      'application/msword',
    ])
      expect(servedInline(type)).toBe(false);
  });

  it('names files RFC 6266-style with an ASCII fallback', () => {
    expect(contentDisposition('Informe técnico "final".pdf', false)).toBe(
      `attachment; filename="Informe tecnico _final_.pdf"; filename*=UTF-8''Informe%20t%C3%A9cnico%20%22final%22.pdf`,
    );
    expect(contentDisposition("it's (1).txt", true)).toBe(
      `inline; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });

  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['bytes=50-10', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
  ])('Range %s of 1000 bytes', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches('*', '"b"')).toBe(true);
    expect(etagMatches('"c"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});
