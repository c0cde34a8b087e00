/**
 * One client's incoming frames, handled in arrival order at the pace the server can take them.
 * A client that sends faster than its budget, or faster than its updates are made durable, is
 * slowed, not dropped: its socket stops being read (TCP then holds the sender back) and the frames
 * already read wait here until the handler may go on. Nothing is lost, and other connections keep
 * their turns on the event loop.
 */

/** The socket under the inbox: stop and restart reading from it. */
export interface ReadableSource {
  pause(): void;
  resume(): void;
}

export interface InboxHandler {
  /** 0 when `frame` may be handled now (its cost is then taken), else how many ms to wait. */
  admit(frame: Uint8Array): number;
  /** Whether the handler can take no more for now (e.g. too many writes in flight); see `unblock`. */
  saturated(): boolean;
  /** Handles a frame; a promise holds the frames after it back until it settles. */
  handle(frame: Uint8Array): Promise<void> | undefined;
}

/**
 * Frames handled in one event-loop turn at most: a burst read in one chunk (a fast client's 64 KB
 * of small updates holds thousands) would otherwise hold every other connection up.
 */
const FRAMES_PER_TURN = 128;
/** Stop reading once this many frames wait, even when nothing else holds the client back. */
const PAUSE_AT_QUEUED = 256;
/** After this many frames without a yield, the count is reset at the end of the current turn. */
const BURST_CHECK = 16;

export class PacedInbox {
  private queue: Uint8Array[] = [];
  private head = 0;
  /** Why frames are held back, or null when they flow. */
  private hold: 'budget' | 'saturated' | 'async' | 'turn' | null = null;
  private paused = false;
  private timer: NodeJS.Timeout | null = null;
  private nextTurn: NodeJS.Immediate | null = null;
  private closed = false;
  /**
   * Frames taken since the count was last reset (ws hands over every frame of one read at once).
   * A typing client's frames come one a turn: the count is reset once the turn ends, checked
   * only every BURST_CHECK frames so that this costs nothing per keystroke.
   */
  private burst = 0;
  private burstReset: NodeJS.Immediate | null = null;

  constructor(
    private readonly source: ReadableSource,
    private readonly handler: InboxHandler,
  ) {}

  /** Frames waiting (for tests and metrics). */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  push(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.hold === null) {
      this.burst++;
      if (this.burst === BURST_CHECK && !this.burstReset)
        this.burstReset = setImmediate(() => this.resetBurst());
      // A long burst goes on after other connections' I/O.
      if (this.burst > FRAMES_PER_TURN) this.yieldTurn();
    }
    // The common case, a client within its budget: handled at once, nothing queued.
    if (this.hold === null && this.waiting === 0 && this.tryHandle(frame)) return;
    this.queue.push(frame);
    if (this.hold !== null || this.waiting >= PAUSE_AT_QUEUED) this.pause();
  }

  /** The handler can take more again (after `saturated()` said it could not). */
  unblock(): void {
    if (this.hold === 'saturated' && !this.handler.saturated()) {
      this.hold = null;
      this.pump();
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.nextTurn) clearImmediate(this.nextTurn);
    if (this.burstReset) clearImmediate(this.burstReset);
    this.queue = [];
    this.head = 0;
  }

  /** Handles `frame` now if nothing holds it back; false when it must wait (the hold is set). */
  private tryHandle(frame: Uint8Array): boolean {
    if (this.handler.saturated()) {
      this.hold = 'saturated';
      return false;
    }
    const wait = this.handler.admit(frame);
    if (wait > 0) {
      this.hold = 'budget';
      this.timer = setTimeout(() => this.release(), Math.ceil(wait));
      return false;
    }
    const pending = this.handler.handle(frame);
    if (pending) {
      this.hold = 'async';
      pending.then(
        () => this.release(),
        () => this.release(),
      );
    }
    return true;
  }

  private resetBurst(): void {
    this.burstReset = null;
    this.burst = 0;
  }

  /** The frames after this one wait for the next turn, after other connections' I/O. */
  private yieldTurn(): void {
    this.hold = 'turn';
    this.nextTurn = setImmediate(() => this.release());
  }

  private release(): void {
    this.timer = null;
    this.nextTurn = null;
    this.burst = 0;
    this.hold = null;
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    let handled = 0;
    while (this.hold === null && this.waiting > 0) {
      if (handled === FRAMES_PER_TURN) {
        this.yieldTurn();
        break;
      }
      const frame = this.queue[this.head];
      if (!this.tryHandle(frame)) break;
      this.queue[this.head++] = EMPTY;
      handled++;
    }
    if (this.waiting === 0) {
      this.queue = [];
      this.head = 0;
    }
    if (this.hold === null && this.waiting === 0) this.resume();
    else this.pause();
  }

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.source.pause();
  }

  private resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.source.resume();
  }
}

const EMPTY = new Uint8Array(0);
