import { HttpException } from '@nestjs/common';

/** An answer that tells the client how many seconds to wait (RetryAfterFilter sets the header). */
export abstract class RetryLaterException extends HttpException {
  abstract readonly retryAfterSeconds: number;
}
