import type { ApiErrorCode } from '@iuc/domain';

/**
 * The body of an HttpException whose answer carries a machine-readable `code` beside the message,
 * e.g. `new ForbiddenException(codedError('invitation.other_account', '…'))`.
 */
export function codedError(
  code: ApiErrorCode,
  message: string,
): { message: string; code: ApiErrorCode } {
  return { message, code };
}
