import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './ws-frame.js';

/** A real ws client reads frames written straight to the server side's socket. */
let server: WebSocketServer;
let raw: import('node:stream').Duplex;
let client: WebSocket;
const received: Buffer[] = [];

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  server.on('connection', (_ws, req) => (raw = req.socket));
  await new Promise((r) => server.once('listening', r));
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  client.binaryType = 'nodebuffer';
  client.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    received.push(data);
  });
  await new Promise((r) => client.once('open', r));
  while (!raw) await new Promise((r) => setTimeout(r, 5));
});

afterAll(async () => {
  client.terminate();
  await new Promise((r) => server.close(r));
});

describe('binaryFrame', () => {
  it('is read back exactly by a ws client at every length encoding', async () => {
    // 7-bit, 16-bit and 64-bit lengths, and their edges.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const payloads = lengths.map((n) => Buffer.alloc(n, n % 251));
    for (const p of payloads) raw.write(binaryFrame(p));
    const deadline = Date.now() + 5_000;
    while (received.length < payloads.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(received.map((b) => b.length)).toEqual(lengths);
    received.forEach((b, i) => expect(b.equals(payloads[i])).toBe(true));
  });
});
