import { useTranslation } from 'react-i18next';
import type { SendError } from './socket';

/** What to tell the person when the server refused (or could not be asked). */
export function useSendErrorMessage(): (error: SendError) => string {
  const { t } = useTranslation();
  return (error) => t(`discussions.errors.${error.code}`);
}
