import { clientAddress } from './client-address.js';

const req = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as Parameters<typeof clientAddress>[0];

describe('clientAddress (as Express with trust proxy = loopback)', () => {
  it('is the peer when it is not a local proxy, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(req('203.0.113.5'))).toBe('203.0.113.5');
    expect(clientAddress(req('203.0.113.5', '198.51.100.1'))).toBe('203.0.113.5');
  });

  it('behind a local proxy, is the nearest forwarded address that is not loopback', () => {
    expect(clientAddress(req('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req('::ffff:127.0.0.1', 'spoofed, 198.51.100.1'))).toBe('198.51.100.1');
    expect(clientAddress(req('::1', '198.51.100.1, 127.0.0.1'))).toBe('198.51.100.1');
    expect(clientAddress(req('127.0.0.1'))).toBe('127.0.0.1');
  });
});
