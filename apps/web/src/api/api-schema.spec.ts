/** The committed API types are the ones the committed OpenAPI document gives (`npm run openapi`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { apiSchemaSource, SCHEMA_FILE } from '../../scripts/api-schema.mjs';

describe('api-schema.ts', () => {
  it('is generated from the committed apps/api/openapi.json (run `npm run openapi` after changing routes)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await apiSchemaSource());
  });
});
