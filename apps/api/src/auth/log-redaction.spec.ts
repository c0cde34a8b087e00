import { redactRequestTokens, redactUrlTokens } from './log-redaction.js';

describe('tokens in URLs are redacted from request logs', () => {
  it.each([
    ['/api/invitations/AbC-123_x', '/api/invitations/[redacted]'],
    ['/invite/AbC-123_x', '/invite/[redacted]'],
    ['/invite/AbC?lang=fr', '/invite/[redacted]?lang=fr'],
    ['/collab/plan.1?token=secret&x=1', '/collab/plan.1?token=[redacted]&x=1'],
    ['/collab/plan.1?a=1&TOKEN=secret', '/collab/plan.1?a=1&TOKEN=[redacted]'],
    ['/api/invitations/accept', '/api/invitations/accept'],
    ['/api/pairings/1/invitations', '/api/pairings/1/invitations'],
    ['/api/me', '/api/me'],
    ['/login?next=%2Finvite%2FAbC-123_x', '/login?next=%2Finvite%2F[redacted]'],
    ['/login?next=/invite/AbC&x=1', '/login?next=/invite/[redacted]&x=1'],
    ['/login?next=%2Fpairings%2F1', '/login?next=%2Fpairings%2F1'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrlTokens(url)).toBe(expected);
  });

  it('redacts the url of a serialized request, drops params and query (they repeat it), keeps the rest', () => {
    const req = {
      id: 7,
      method: 'GET',
      url: '/api/invitations/s3cret?token=t',
      params: { splat: ['invitations', 's3cret'] },
      query: { token: 't' },
      headers: { a: 'b' },
    };
    expect(redactRequestTokens(req)).toEqual({
      id: 7,
      method: 'GET',
      url: '/api/invitations/[redacted]?token=[redacted]',
      headers: { a: 'b' },
    });
  });
});
