/**
 * The API's side of the launcher (worker/launcher.mjs): one long-lived helper process, started on
 * first use, that runs each file in a child of its own. Idle, it does not hold the API (or a test
 * run) open; if it dies, what it held fails and the next file starts a new one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('./worker/launcher.mjs', import.meta.url));
/** What the processes may see of the environment: no database address, no secrets. */
const ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'];
/** How long past a file's own time limit the launcher may take to answer before it is replaced. */
const LAUNCHER_GRACE_MS = 10_000;

export interface WorkerReply {
  text: string | null;
  pages: number | null;
  preview: Uint8Array | null;
  error: string | null;
}

/** A file's process answered (`reply`), or was stopped: at the time or memory limit, or by a crash. */
export type Outcome =
  { reply: WorkerReply; stderr: string } | { stopped: 'time' | 'memory' | 'crash'; stderr: string };

export interface LaunchRequest {
  request: { path: string; type: string; maxTextBytes: number; commandTimeoutMs: number };
  maxMemoryMb: number;
  timeoutMs: number;
}

export class ProcessingLauncher {
  private launcher: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: Outcome) => void>();

  run(job: LaunchRequest): Promise<Outcome> {
    const launcher = this.started();
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const backstop = setTimeout(() => {
        // The launcher stopped answering: replace it; what it held fails.
        if (this.launcher === launcher) this.stop();
      }, job.timeoutMs + LAUNCHER_GRACE_MS);
      this.pending.set(id, (outcome) => {
        clearTimeout(backstop);
        resolve(outcome);
      });
      this.hold(true);
      launcher.send({ id, ...job }, (err) => {
        if (err) this.settle(id, { stopped: 'crash', stderr: err.message });
      });
    });
  }

  /** Ends the launcher and, with it, the files it is reading. */
  stop(): void {
    const launcher = this.launcher;
    this.launcher = null;
    launcher?.kill('SIGTERM');
    this.failAll('the file processor was stopped');
  }

  private started(): ChildProcess {
    if (this.launcher) return this.launcher;
    const env = Object.fromEntries(
      ENV_KEYS.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
    );
    const launcher = fork(LAUNCHER, [], {
      env,
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    launcher.on('message', ({ id, ...outcome }: Outcome & { id: number }) =>
      this.settle(id, outcome as Outcome),
    );
    launcher.on('error', () => undefined);
    launcher.on('exit', () => {
      // A replaced launcher's files have failed already; the current one's fail now.
      if (this.launcher !== launcher) return;
      this.launcher = null;
      this.failAll('the file processor stopped');
    });
    this.launcher = launcher;
    this.hold(false);
    return launcher;
  }

  private settle(id: number, outcome: Outcome): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.hold(false);
    resolve(outcome);
  }

  private failAll(why: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { stopped: 'crash', stderr: why });
  }

  /** Keeps the API's event loop alive for the launcher only while a file is being read. */
  private hold(busy: boolean): void {
    const launcher = this.launcher;
    if (!launcher) return;
    if (busy) {
      launcher.ref();
      launcher.channel?.ref();
    } else {
      launcher.unref();
      launcher.channel?.unref();
    }
  }
}
