/**
 * Writes the OpenAPI document: `node apps/api/dist/openapi.js apps/api/openapi.json`. It boots the
 * application (against DATABASE_URL, or the embedded PostgreSQL) without listening.
 */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, createPlatform } from './app.factory.js';
import { loadConfig } from './config/config.js';

const target = process.argv[2] ?? 'openapi.json';
process.env.IUC_DEMO ??= '0';
const platform = await createPlatform(loadConfig(), { logger: false });
try {
  await platform.app.init();
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(platform.app), null, 2)}\n`);
  console.log(`OpenAPI document written to ${target}`);
} finally {
  await platform.close();
}
