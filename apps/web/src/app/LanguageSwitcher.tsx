import { NativeSelect } from '@mantine/core';
import { UI_LANGUAGES } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useFormat } from '../i18n/format';

/** Each language is named in itself, so people find theirs whatever the current language is. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { endonym } = useFormat();
  return (
    <NativeSelect
      aria-label={t('nav.language')}
      value={currentLanguage()}
      onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
      leftSection={<GlobeIcon />}
      w={136}
      style={{ flexShrink: 0 }}
    >
      {UI_LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {endonym(code)}
        </option>
      ))}
    </NativeSelect>
  );
}

function GlobeIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
    </svg>
  );
}
