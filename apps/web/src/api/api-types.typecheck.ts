/**
 * Checked by `npx nx typecheck web`, never run: a request the OpenAPI document lacks does not
 * compile. Each @ts-expect-error fails the type-check if its line ever becomes valid.
 */
import { api } from './api';

export function requestsTheApiLacks() {
  // @ts-expect-error: no such path
  void api.GET('/api/plans/{id}/comments', { params: { path: { id: 'x' } } });
  // @ts-expect-error: the path exists, but not with this method
  void api.DELETE('/api/me');
  // @ts-expect-error: a path parameter is missing
  void api.GET('/api/plans/{id}', {});
  // @ts-expect-error: the body does not fit the route's DTO
  void api.POST('/api/auth/login', { body: { email: 'a@example.org' } });
  // What the document has compiles.
  void api.GET('/api/plans/{id}', { params: { path: { id: 'x' } } });
}
