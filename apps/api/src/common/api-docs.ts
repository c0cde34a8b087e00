/** OpenAPI pieces shared by the controllers: the error shape and the signed-in route decorator. */
import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiProperty,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { API_ERROR_CODES, type ApiError, type ApiErrorCode } from '@iuc/domain';

export class ApiErrorDoc implements ApiError {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ example: 'Not Found' }) error: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  message: string | string[];
  @ApiProperty({ enum: API_ERROR_CODES, example: 'not_found' }) code: ApiErrorCode;
}

/** A route behind the global session guard: bearer token or session cookie, 401 without one. */
export function ApiSignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiCookieAuth('iuc_session'),
    ApiUnauthorizedResponse({ type: ApiErrorDoc, description: 'No live session.' }),
  );
}
