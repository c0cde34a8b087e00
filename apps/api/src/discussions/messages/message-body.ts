/**
 * What a message body may be: plain text (light markdown is rendered by the web, never HTML from
 * us), not empty, no control characters but tab and newline, valid Unicode, within the byte limit.
 */
import { unstorableText } from '../../common/storable-text.js';

export type BodyCheck =
  { ok: true; body: string } | { ok: false; code: 'invalid' | 'too_large'; error: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function checkBody(raw: string, maxBytes: number): BodyCheck {
  // Measured before normalising, so that what the limit says is what the client sent.
  if (raw.length > maxBytes || Buffer.byteLength(raw, 'utf8') > maxBytes) {
    return { ok: false, code: 'too_large', error: `The message is larger than ${maxBytes} bytes.` };
  }
  const body = raw.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
  if (!body.trim()) return { ok: false, code: 'invalid', error: 'The message is empty.' };
  if (CONTROL.test(body))
    return { ok: false, code: 'invalid', error: 'The message contains control characters.' };
  const unstorable = unstorableText(body);
  if (unstorable) return { ok: false, code: 'invalid', error: `The message ${unstorable}.` };
  return { ok: true, body };
}

/**
 * The words of a body without its light markdown (emphasis marks, code ticks, link syntax): what
 * search indexes and shows in a snippet. "**first** [plan](https://x.org)" → "first plan https://x.org".
 */
export function plainText(body: string): string {
  return body
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 $2')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '');
}
