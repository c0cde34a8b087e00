/**
 * Builds the whole platform: database (embedded or external), migrations, demo seed, the NestJS
 * application with its HTTP hardening, API docs and the built web client. Used by main.ts and tests.
 */
import 'reflect-metadata';
import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { TRUSTED_PROXIES } from './auth/origin-policy.js';
import type { AppConfig } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { ENTITIES } from './entities.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { seedDemo } from './demo/seed/demo-seed.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { StorableTextPipe } from './common/storable-text.pipe.js';
import { useJsonBodies } from './http/json-body.js';
import { noStoreForApi } from './http/no-store.js';
import { securityHeaders } from './http/security-headers.js';
import { APP_VERSION } from './common/version.js';
import { DiscussionsIoAdapter } from './discussions/realtime/socket-io.adapter.js';
import { createRootLogger, NestPinoLogger, requestLogger } from './logging/logging.js';

export interface Platform {
  app: INestApplication;
  dataSource: DataSource;
  /** Closes the application, its database connections and the embedded PostgreSQL if any. */
  close(): Promise<void>;
}

/** Paths the single-page client must not swallow. */
const SERVER_PATHS = /^\/(api|collab|socket\.io|metrics)(\/|$)/;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('IUC Knowledge Platform API')
    .setDescription(
      'REST API of the IUC Knowledge Platform. Authenticate with the session cookie (plus X-CSRF-Token on mutations) or `Authorization: Bearer <token>` from POST /api/auth/login.',
    )
    .setVersion(APP_VERSION)
    .addBearerAuth()
    .addCookieAuth('iuc_session')
    .build();
  return SwaggerModule.createDocument(app, config);
}

export async function createPlatform(
  config: AppConfig,
  options: { logger?: boolean } = {},
): Promise<Platform> {
  const bootLog = new Logger('Boot');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, (m) =>
      bootLog.log(m),
    );
    databaseUrl = embedded.url;
  }
  let dataSource: DataSource | null = null;
  try {
    dataSource = await openDatabase(databaseUrl, ENTITIES);
    if (config.demo) await seedDemo(dataSource, config);

    const log = createRootLogger(config.logLevel);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, dataSource),
      {
        logger: options.logger === false ? false : new NestPinoLogger(log),
        // Ours is registered in configureHttp (JSON only, per-route size and depth limits).
        bodyParser: false,
      },
    );
    configureHttp(app, config, log);
    app.useWebSocketAdapter(new DiscussionsIoAdapter(app, config));
    const ds = dataSource;
    return {
      app,
      dataSource: ds,
      async close() {
        await app.close();
        if (ds.isInitialized) await ds.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
}

function configureHttp(app: NestExpressApplication, config: AppConfig, log: PinoLogger): void {
  app.set('trust proxy', TRUSTED_PROXIES);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  app.use(noStoreForApi);
  app.use(cookieParser());
  useJsonBodies(app, { defaultBytes: config.jsonBodyMaxBytes, maxDepth: config.jsonMaxDepth });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new StorableTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) {
    const indexHtml = path.join(config.webDist, 'index.html');
    app.useStaticAssets(config.webDist, {
      index: false,
      maxAge: '1h',
      setHeaders: immutableAssets,
    });
    // Client-side routing: every other GET that is not an API path gets the app shell.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || SERVER_PATHS.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }
  // After the client's files: what is logged is what reaches the server's own routes.
  app.use(requestLogger(log));
}

function immutableAssets(res: Response, file: string): void {
  if (file.includes(`${path.sep}assets${path.sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
