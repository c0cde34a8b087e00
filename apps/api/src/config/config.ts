/**
 * Typed configuration, read from the environment once at boot and validated. A bad value stops the
 * process with one line saying which variable and why.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export class ConfigError extends Error {}

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Public origin of the platform, used in links sent by mail and as the default allowed origin. */
  publicUrl: string;
  /** Origins whose browsers may make cookie-authenticated requests and open sockets. */
  allowedOrigins: string[];
  /** null: run the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  embeddedPostgresPort: number;
  redisUrl: string | null;
  sessionSecret: string;
  sessionTtlHours: number;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  /** Largest file one upload may declare (Upload-Length); more is refused before a byte is read. */
  uploadMaxBytes: number;
  /** Unfinished uploads one person may hold at once, and their declared bytes together. */
  uploadMaxPendingPerUser: number;
  uploadMaxPendingBytesPerUser: number;
  /** Uploads created per person per minute (a burst of as many is allowed). */
  uploadCreatesPerMinute: number;
  /** An upload not finished, or finished and not attached to anything, is deleted after this. */
  uploadExpiryHours: number;
  /** Where finished files live: the local disk under DATA_DIR/files, or an S3-compatible bucket. */
  storage: StorageConfig;
  /** Largest JSON request body of routes that need no more (a few name a larger limit of their own). */
  jsonBodyMaxBytes: number;
  /** Deepest nesting of arrays and objects accepted in a JSON body or socket event. */
  jsonMaxDepth: number;
  /** Largest Yjs message a collab client may send; larger closes its connection. */
  collabMaxMessageBytes: number;
  /** How often co-editing connections are pinged; one that has not answered by the next is closed. */
  collabPingIntervalMs: number;
  /** Messages and bytes a second that one person's co-editing connections may send together (then slowed). */
  collabMessagesPerSecond: number;
  collabMessageBurst: number;
  collabBytesPerSecond: number;
  /** Co-editing connections one person, and one client address, may hold at once. */
  collabMaxConnectionsPerPerson: number;
  collabMaxConnectionsPerAddress: number;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  /** Folder of the built web client to serve at `/`; null when it is not built. */
  webDist: string | null;
  /** Failed logins allowed per account, and per client address, in the rate-limit window. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerClient: number;
  /** Failed logins allowed per known device (a browser that signed in before) in the window. */
  loginMaxFailuresPerDevice: number;
  loginWindowMinutes: number;
  /** Password checks (argon2) running at once in this process, and waiting for a turn. */
  loginMaxConcurrentChecks: number;
  loginMaxQueuedChecks: number;
  /** Password checks in flight at once for one account, and from one client address. */
  loginMaxConcurrentChecksPerAccount: number;
  loginMaxConcurrentChecksPerClient: number;
  /** At shutdown, how long running background jobs may take to finish before they are failed (and retried later). */
  jobsShutdownGraceSeconds: number;
  /** Build the search index at start for sources it holds nothing of (off for the CLI's reindex). */
  searchFillAtStart: boolean;
  /** Time and heap one file's text extraction and preview may use before its process is killed. */
  fileProcessingTimeoutSeconds: number;
  fileProcessingMaxMemoryMb: number;
}

export type StorageConfig =
  | { driver: 'fs' }
  | {
      driver: 's3';
      endpoint: string | null;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export type Env = Record<string, string | undefined>;

const PLACEHOLDER_SECRETS =
  /^(changeme|change-me|change_me|secret|password|demo|test|xxx+|your[-_ ]?secret.*|replace[-_ ]?me.*)$/i;

/** A whole number from the environment, within [min, max]; `fallback` when unset. */
export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}.`);
  return value;
}

function bool(env: Env, name: string): boolean | null {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return null;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1 or 0 (true/false), got "${env[name]}".`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`,
    );
  }
  return raw;
}

/** Development keeps a generated secret in the data folder, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function storageConfig(env: Env): StorageConfig {
  const driver = env.STORAGE_DRIVER || 'fs';
  if (driver === 'fs') return { driver };
  if (driver !== 's3') throw new ConfigError(`STORAGE_DRIVER must be fs or s3, got "${driver}".`);
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`${name} is required when STORAGE_DRIVER=s3.`);
    return value;
  };
  return {
    driver,
    endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
    bucket: required('S3_BUCKET'),
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE') ?? false,
  };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}".`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';
  const port = int(env, 'PORT', 3000, 1, 65535);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = (
    url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`
  ).replace(/\/$/, '');
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new ConfigError(
        `ALLOWED_ORIGINS entry "${origin}" must be an origin like https://example.org.`,
      );
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const demoFlag = bool(env, 'IUC_DEMO');
  // Demo mode is the embedded default; elsewhere it must be asked for.
  const demo = demoFlag ?? databaseUrl === null;
  if (demo && production) {
    throw new ConfigError(
      'Demo mode (IUC_DEMO, or no DATABASE_URL) is refused when NODE_ENV=production: set DATABASE_URL and IUC_DEMO=0.',
    );
  }
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (production) {
    if (!sessionSecret)
      throw new ConfigError(
        'SESSION_SECRET is required in production: set it to at least 32 random characters.',
      );
    if (PLACEHOLDER_SECRETS.test(sessionSecret) || sessionSecret.length < 32) {
      throw new ConfigError(
        'SESSION_SECRET looks like a placeholder or is shorter than 32 characters: set it to a long random value.',
      );
    }
  } else if (!sessionSecret) {
    sessionSecret = developmentSecret(dataDir);
  }
  const demoPassword = env.IUC_DEMO_PASSWORD || 'demo';
  const webDistDefault = path.resolve(cwd, 'apps/web/dist');
  const webDist = env.WEB_DIST
    ? path.resolve(cwd, env.WEB_DIST)
    : existsSync(webDistDefault)
      ? webDistDefault
      : null;
  // argon2 runs on libuv's thread pool: two checks per core keep the cores busy without a backlog.
  const concurrentChecks = int(
    env,
    'LOGIN_MAX_CONCURRENT_CHECKS',
    2 * availableParallelism(),
    1,
    1000,
  );
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}".`,
    );
  }
  return {
    nodeEnv,
    port,
    host,
    publicUrl,
    // In development the Vite dev server (port 5173) proxies to us and its pages send their origin.
    allowedOrigins: allowedOrigins.length
      ? allowedOrigins
      : [new URL(publicUrl).origin, ...(production ? [] : ['http://localhost:5173'])],
    databaseUrl,
    embeddedPostgresPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    sessionSecret,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    dataDir,
    demo,
    demoPassword,
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 200 * MB, 1024, 5 * GB),
    uploadMaxPendingPerUser: int(env, 'UPLOAD_MAX_PENDING_PER_USER', 20, 1, 10_000),
    uploadMaxPendingBytesPerUser: int(
      env,
      'UPLOAD_MAX_PENDING_BYTES_PER_USER',
      2 * GB,
      1024,
      1024 * GB,
    ),
    uploadCreatesPerMinute: int(env, 'UPLOAD_CREATES_PER_MINUTE', 60, 1, 100_000),
    uploadExpiryHours: int(env, 'UPLOAD_EXPIRY_HOURS', 24, 1, 24 * 30),
    storage: storageConfig(env),
    jsonBodyMaxBytes: int(env, 'JSON_BODY_MAX_BYTES', 16 * 1024, 1024, 1024 * 1024),
    jsonMaxDepth: int(env, 'JSON_MAX_DEPTH', 32, 4, 1000),
    collabMaxMessageBytes: int(
      env,
      'COLLAB_MAX_MESSAGE_BYTES',
      1024 * 1024,
      1024,
      64 * 1024 * 1024,
    ),
    collabPingIntervalMs: int(env, 'COLLAB_PING_INTERVAL_MS', 30_000, 100, 10 * 60_000),
    collabMessagesPerSecond: int(env, 'COLLAB_MESSAGES_PER_SECOND', 15_000, 1, 1_000_000),
    collabMessageBurst: int(env, 'COLLAB_MESSAGE_BURST', 30_000, 1, 10_000_000),
    collabBytesPerSecond: int(
      env,
      'COLLAB_BYTES_PER_SECOND',
      4 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    collabMaxConnectionsPerPerson: int(env, 'COLLAB_MAX_CONNECTIONS_PER_PERSON', 20, 1, 10_000),
    collabMaxConnectionsPerAddress: int(env, 'COLLAB_MAX_CONNECTIONS_PER_ADDRESS', 200, 1, 100_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'IUC Knowledge Platform <no-reply@localhost>',
    logLevel,
    webDist,
    loginMaxFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerClient: int(env, 'LOGIN_MAX_FAILURES_PER_CLIENT', 20, 1, 10000),
    loginMaxFailuresPerDevice: int(env, 'LOGIN_MAX_FAILURES_PER_DEVICE', 3, 1, 1000),
    loginWindowMinutes: int(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginMaxConcurrentChecks: concurrentChecks,
    loginMaxQueuedChecks: int(env, 'LOGIN_MAX_QUEUED_CHECKS', concurrentChecks, 0, 10000),
    loginMaxConcurrentChecksPerAccount: int(
      env,
      'LOGIN_MAX_CONCURRENT_CHECKS_PER_ACCOUNT',
      2,
      1,
      1000,
    ),
    loginMaxConcurrentChecksPerClient: int(
      env,
      'LOGIN_MAX_CONCURRENT_CHECKS_PER_CLIENT',
      4,
      1,
      1000,
    ),
    jobsShutdownGraceSeconds: int(env, 'JOBS_SHUTDOWN_GRACE_SECONDS', 10, 1, 600),
    searchFillAtStart: bool(env, 'SEARCH_FILL_AT_START') ?? true,
    fileProcessingTimeoutSeconds: int(env, 'FILE_PROCESSING_TIMEOUT_SECONDS', 60, 1, 3600),
    fileProcessingMaxMemoryMb: int(env, 'FILE_PROCESSING_MAX_MEMORY_MB', 512, 64, 16384),
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
