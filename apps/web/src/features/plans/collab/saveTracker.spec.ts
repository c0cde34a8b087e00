import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as Y from 'yjs';
import { SaveTracker, type TrackedProvider } from './saveTracker';

/** A socket that records what is sent and lets the test answer. */
class FakeSocket extends EventTarget {
  readonly OPEN = 1;
  readyState = 1;
  sent: Uint8Array[] = [];
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  /** The server's answer to one sync step 1: a step 2 (message 0, step 1). */
  answerStep1() {
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([0, 1, 0, 0]).buffer }));
  }
  /** Someone else's update relayed by the server (message 0, update 2): confirms nothing. */
  relayUpdate() {
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([0, 2, 0, 0]).buffer }));
  }
}

class FakeProvider implements TrackedProvider {
  ws: WebSocket | null = null;
  private handlers = new Map<string, Set<(e: never) => void>>();
  on(event: string, handler: (e: never) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  off(event: string, handler: (e: never) => void) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, payload: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(payload as never);
  }
  /** Like y-websocket: a new socket (connecting), then open (connected) and its own step 1. */
  connect(): FakeSocket {
    const socket = new FakeSocket();
    this.ws = socket as unknown as WebSocket;
    this.emit('status', { status: 'connecting' });
    this.emit('status', { status: 'connected' });
    socket.send(new Uint8Array([0, 0]));
    return socket;
  }
  drop() {
    this.emit('status', { status: 'disconnected' });
  }
}

const REMOTE = Symbol('remote');

describe('SaveTracker', () => {
  let doc: Y.Doc;
  let provider: FakeProvider;
  let tracker: SaveTracker;
  const type = (text: string, origin: unknown = null) =>
    doc.transact(() => doc.getText('t').insert(0, text), origin);
  const state = () => tracker.getSnapshot().state;

  beforeEach(() => {
    jest.useFakeTimers();
    doc = new Y.Doc();
    provider = new FakeProvider();
    tracker = new SaveTracker(doc, provider, (origin) => origin === REMOTE, 100);
  });
  afterEach(() => {
    tracker.destroy();
    doc.destroy();
    jest.useRealTimers();
  });

  it('is connecting, then connected once the socket opens', () => {
    expect(state()).toBe('connecting');
    provider.connect().answerStep1();
    expect(state()).toBe('connected');
  });

  it('says saving after a local change, and saved only once the answer to its probe arrives', () => {
    const socket = provider.connect();
    socket.answerStep1();
    type('hello');
    expect(state()).toBe('saving');
    // Probes wait for a pause in typing.
    expect(socket.sent).toHaveLength(1);
    jest.advanceTimersByTime(100);
    expect(socket.sent).toHaveLength(2);
    expect([...socket.sent[1].slice(0, 2)]).toEqual([0, 0]); // a sync step 1
    socket.relayUpdate();
    expect(state()).toBe('saving');
    socket.answerStep1();
    expect(state()).toBe('saved');
    expect(tracker.getSnapshot().unsaved).toBe(false);
  });

  it('does not count a change made after the probe as saved by its answer', () => {
    const socket = provider.connect();
    socket.answerStep1();
    type('a');
    jest.advanceTimersByTime(100);
    type('b');
    socket.answerStep1();
    expect(state()).toBe('saving');
    jest.advanceTimersByTime(100);
    socket.answerStep1();
    expect(state()).toBe('saved');
  });

  it('ignores changes from the server or the local cache', () => {
    provider.connect().answerStep1();
    type('theirs', REMOTE);
    expect(state()).toBe('connected');
  });

  it('keeps offline changes unsaved, and confirms them after reconnecting', () => {
    provider.connect().answerStep1();
    provider.drop();
    expect(state()).toBe('offline');
    type('written offline');
    jest.advanceTimersByTime(100);
    expect(tracker.getSnapshot()).toMatchObject({ state: 'offline', unsaved: true });

    const socket = provider.connect();
    expect(state()).toBe('saving');
    // The answer to the provider's own step 1 comes before our changes reach the server.
    socket.answerStep1();
    expect(state()).toBe('saving');
    jest.advanceTimersByTime(100);
    socket.answerStep1();
    expect(state()).toBe('saved');
  });

  it('says offline at once when the browser loses the network before ever connecting', () => {
    tracker.setNetwork(false);
    expect(state()).toBe('offline');
  });

  it('reports a server close that ends the connection for good', () => {
    provider.connect();
    provider.emit('closed', { code: 4403 });
    expect(tracker.getSnapshot()).toMatchObject({ state: 'closed', closeCode: 4403 });
  });

  it('says why while reconnecting when the server asked to be tried again (45xx), and forgets it once back', () => {
    provider.connect();
    provider.emit('connection-close', { code: 4503 });
    provider.drop();
    expect(tracker.getSnapshot()).toMatchObject({
      state: 'offline',
      closeCode: null,
      retryCode: 4503,
    });
    provider.connect();
    expect(tracker.getSnapshot()).toMatchObject({ state: 'connected', retryCode: null });
    provider.emit('connection-close', { code: 1006 });
    provider.drop();
    expect(tracker.getSnapshot()).toMatchObject({ state: 'offline', retryCode: null });
  });

  it('notifies subscribers only when the snapshot changes', () => {
    const listener = jest.fn();
    tracker.subscribe(listener);
    const socket = provider.connect();
    socket.answerStep1();
    const calls = listener.mock.calls.length;
    type('x');
    type('y');
    expect(listener.mock.calls.length).toBe(calls + 1);
  });
});
