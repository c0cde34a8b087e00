/** Validators for query parameters that several modules accept. */
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2 } from 'class-validator';
import { CALLS } from '@iuc/domain';

export const CALL_CODES: readonly string[] = CALLS.map((c) => c.code);

/** An ISO 3166-1 alpha-2 country code, accepted in either case and passed on upper-cased. */
export function IsCountryCode(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, e.g. CO' }),
  );
}

/** `@Transform(toBoolean)`: a query string's 'true' / 'false' as a boolean (anything else stays, and fails IsBoolean). */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The code of one of the programme's calls. */
export function IsCallCode(): PropertyDecorator {
  return IsIn(CALL_CODES, {
    message: `$property must be one of the calls: ${CALL_CODES.join(', ')}`,
  });
}
