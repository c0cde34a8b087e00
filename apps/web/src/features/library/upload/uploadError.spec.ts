import { describe, expect, it } from '@jest/globals';
import { uploadRefusal } from './uploadError';

const answered = (status: number, body = '') => ({
  originalResponse: { getStatus: () => status, getBody: () => body },
});

describe('uploadRefusal', () => {
  it('is a dropped connection when no answer came', () => {
    expect(uploadRefusal(new Error('xhr error'))).toEqual({ kind: 'network' });
    expect(uploadRefusal(answered(0))).toEqual({ kind: 'network' });
  });

  it('names the server refusals people can act on', () => {
    expect(uploadRefusal(answered(413))).toEqual({ kind: 'too-large' });
    expect(uploadRefusal(answered(429))).toEqual({ kind: 'quota' });
    expect(uploadRefusal(answered(401))).toEqual({ kind: 'session' });
  });

  it("keeps the API's message of a refused type", () => {
    const body = JSON.stringify({
      statusCode: 415,
      code: 'upload.type_refused',
      message: '"a.pdf" was refused: the file is an HTML page.',
    });
    expect(uploadRefusal(answered(415, body))).toEqual({
      kind: 'type-refused',
      message: '"a.pdf" was refused: the file is an HTML page.',
    });
  });

  it('never shows an HTML error page as a message', () => {
    expect(uploadRefusal(answered(502, '<html><body>Bad gateway</body></html>'))).toEqual({
      kind: 'other',
      message: null,
    });
  });
});
