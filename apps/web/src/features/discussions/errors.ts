import { useTranslation } from 'react-i18next';
import type { SendError } from '../../realtime/socket';

// The codes the socket layer gives have words of their own; any other refusal reads as 'invalid',
// any other server fault as 'internal' (as before the acks shared the REST codes).
const WORDED = [
  'invalid',
  'too_large',
  'rate_limited',
  'not_found',
  'forbidden',
  'internal',
  'offline',
  'timeout',
] as const;
type Worded = (typeof WORDED)[number];

function wordedCode(code: SendError['code']): Worded {
  if ((WORDED as readonly string[]).includes(code)) return code as Worded;
  return code === 'unavailable' ? 'internal' : 'invalid';
}

/** What to tell the person when the server refused (or could not be asked). */
export function useSendErrorMessage(): (error: SendError) => string {
  const { t } = useTranslation();
  return (error) => t(`discussions.errors.${wordedCode(error.code)}`);
}
