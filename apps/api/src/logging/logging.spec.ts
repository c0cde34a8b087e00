import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { createRootLogger, NestPinoLogger, requestLogger } from './logging.js';

/** A logger whose lines are collected, parsed. */
function collectingLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const log = createRootLogger(level, {
    write: (line: string) => void lines.push(JSON.parse(line)),
  });
  return { log, lines };
}

describe('Nest log calls on pino', () => {
  it('keeps the message, the context (last argument) and an error stack', () => {
    const { log, lines } = collectingLogger('info');
    const nest = new NestPinoLogger(log);
    const stack = 'Error: boom\n    at somewhere (file.js:1:1)';
    nest.log('started', 'Boot');
    nest.error('failed', stack, 'Collab');
    nest.error(stack);
    nest.warn({ event: 'slow', ms: 12 }, 'Chat');
    nest.error(new Error('lost'));
    nest.debug('not at this level', 'Boot');
    expect(lines).toMatchObject([
      { level: 30, context: 'Boot', msg: 'started' },
      { level: 50, context: 'Collab', msg: 'failed', stack },
      { level: 50, msg: stack },
      { level: 40, context: 'Chat', event: 'slow', ms: 12 },
      { level: 50, msg: 'lost', err: { message: 'lost', type: 'Error' } },
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[2]).not.toHaveProperty('context');
  });
});

describe('request lines', () => {
  async function request(path: string, headers: Record<string, string> = {}) {
    const { log, lines } = collectingLogger('info');
    const middleware = requestLogger(log);
    const server = createServer((req: IncomingMessage, res: ServerResponse) =>
      middleware(req as Request, res as Response, (() => res.end('ok')) as NextFunction),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
      await res.text();
      // the line is written when the response finishes, which may follow the client's read
      await new Promise((r) => setTimeout(r, 50));
      return lines;
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it('one line per request, with credentials in headers and URLs redacted', async () => {
    const lines = await request('/api/invitations/s3cret?token=t0k', {
      authorization: 'Bearer abc',
      cookie: 'iuc_session=xyz',
    });
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines[0]);
    for (const secret of ['s3cret', 't0k', 'Bearer abc', 'xyz']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: {
        method: 'GET',
        url: '/api/invitations/[redacted]?token=[redacted]',
        headers: { authorization: '[Redacted]', cookie: '[Redacted]' },
      },
      res: { statusCode: 200 },
    });
  });

  it('health probes are not logged', async () => {
    expect(await request('/api/health')).toEqual([]);
  });
});
