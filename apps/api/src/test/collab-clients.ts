/**
 * Node-side collab clients for tests: the stock y-websocket WebsocketProvider (what browsers run)
 * and raw websockets for hostile frames.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes seen by this client, in order. */
  closeCodes: number[];
  destroy(): void;
}

export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab`;
}

export function connectProvider(
  baseUrl: string,
  docName: string,
  token: string | null,
): CollabClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl(baseUrl), docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    // Providers in one process would otherwise share updates over a BroadcastChannel, around the server.
    disableBc: true,
    // Tests look at single connections: no automatic reconnect storms after a refusal.
    maxBackoffTime: 60_000,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitFor(
  condition: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs)
        return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export function synced(client: CollabClient): Promise<void> {
  return waitFor(() => client.provider.synced, 5_000, 'sync');
}

/** A raw websocket on a document; resolves once open. */
/** A bare websocket on a document. `autoPong: false` makes it a client that vanished without closing. */
export function rawSocket(
  baseUrl: string,
  docName: string,
  token: string,
  options: { autoPong?: boolean } = {},
): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${collabUrl(baseUrl)}/${docName}?token=${encodeURIComponent(token)}`,
      options,
    );
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}
