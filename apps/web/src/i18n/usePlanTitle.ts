import { provisionedPlanCity } from '@iuc/domain';
import { useTranslation } from 'react-i18next';

/** A plan's title in the reader's language (as created: "Local Action Plan — <city>"). */
export function usePlanTitle(): (title: string) => string {
  const { t } = useTranslation();
  return (title) => {
    const city = provisionedPlanCity(title);
    return city === null ? title : t('plans.titleOf', { city });
  };
}
