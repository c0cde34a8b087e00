/**
 * API answers are personal (who may see what, messages, plans) and must not be kept by a browser's
 * or a proxy's cache: `Cache-Control: no-store` on everything under /api, set before the handler
 * so that a route may still say otherwise. The API's documentation is public and stays cacheable.
 */
import type { NextFunction, Request, Response } from 'express';

const API = /^\/api(\/|$)/;
const PUBLIC_DOCS = /^\/api\/docs(-json)?(\/|$)/;

export function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  if (API.test(req.path) && !PUBLIC_DOCS.test(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}
