/** Socket acknowledgements carry the same codes as REST errors. */
import { ConflictException, ForbiddenException, PayloadTooLargeException } from '@nestjs/common';
import { codedError } from '../../common/coded-error.js';
import { errorAck } from './socket-acks.js';

describe('socket acknowledgements', () => {
  it('carry the generic code of an uncoded exception, as the REST filter does', () => {
    expect(errorAck(new ConflictException('changed meanwhile'))).toEqual({
      ok: false,
      code: 'conflict',
      error: 'changed meanwhile',
    });
    expect(errorAck(new PayloadTooLargeException('big'))).toMatchObject({
      ok: false,
      code: 'too_large',
    });
  });

  it('carry the code an exception was thrown with', () => {
    const err = new ForbiddenException(codedError('invitation.own_side_only', 'Own side only.'));
    expect(errorAck(err)).toEqual({
      ok: false,
      code: 'invitation.own_side_only',
      error: 'Own side only.',
    });
  });

  it('answer anything else as internal, without its message', () => {
    expect(errorAck(new Error('connection refused at 10.0.0.3'))).toEqual({
      ok: false,
      code: 'internal',
      error: 'Something went wrong on the server.',
    });
  });
});
