/**
 * Who will see the item: the whole programme (after an officer's review), one of the person's
 * pairings, or their city's team in one pairing. Choices come from the person's memberships.
 */
import { NativeSelect, Radio, Stack, Text } from '@mantine/core';
import type { PairingSummaryDto, ResourceScope, UserDto } from '@iuc/domain';
import { useTranslation } from 'react-i18next';

interface Choice {
  value: string;
  label: string;
  scope: ResourceScope;
}

/** The pairings and sides a person can share with, labelled with titles and city names. */
export function scopeChoices(user: UserDto, pairings: PairingSummaryDto[]) {
  const byId = new Map(pairings.map((p) => [p.id, p]));
  const pairingChoices: Choice[] = [];
  const sideChoices: Choice[] = [];
  for (const m of user.memberships) {
    const pairing = byId.get(m.pairingId);
    const title = pairing?.title ?? m.pairingId;
    if (!pairingChoices.some((c) => c.value === m.pairingId))
      pairingChoices.push({
        value: m.pairingId,
        label: title,
        scope: { level: 'pairing', pairingId: m.pairingId },
      });
    if (m.authorityId) {
      const city =
        pairing && [...pairing.eu, ...pairing.partner].find((a) => a.id === m.authorityId);
      sideChoices.push({
        value: `${m.pairingId}:${m.authorityId}`,
        label: city ? `${city.name} · ${title}` : title,
        scope: { level: 'side', pairingId: m.pairingId, authorityId: m.authorityId },
      });
    }
  }
  return { pairingChoices, sideChoices };
}

interface Props {
  value: ResourceScope;
  onChange: (scope: ResourceScope) => void;
  choices: ReturnType<typeof scopeChoices>;
  error?: string;
}

export function ScopeField({ value, onChange, choices, error }: Props) {
  const { t } = useTranslation();
  const { pairingChoices, sideChoices } = choices;
  const pick = (level: ResourceScope['level']) => {
    if (level === 'programme') onChange({ level });
    else if (level === 'pairing') onChange(pairingChoices[0]?.scope ?? { level });
    else onChange(sideChoices[0]?.scope ?? { level });
  };
  const sideValue = `${value.pairingId}:${value.authorityId}`;
  return (
    <Stack gap="xs">
      <Radio.Group
        id="resource-scope"
        // Named by the form's fieldset around it ("Who sees it"), not a second label.
        value={value.level}
        onChange={(level) => pick(level as ResourceScope['level'])}
        error={error}
      >
        <Stack gap="xs" mt={6}>
          <Radio value="programme" label={t('library.scope.programme')} />
          <Radio
            value="pairing"
            label={t('library.scope.pairingAny')}
            disabled={pairingChoices.length === 0}
          />
          <Radio
            value="side"
            label={t('library.scope.sideAny')}
            disabled={sideChoices.length === 0}
          />
        </Stack>
      </Radio.Group>
      {value.level === 'pairing' && pairingChoices.length > 1 && (
        <NativeSelect
          label={t('library.form.pairingChoice')}
          value={value.pairingId ?? ''}
          data={pairingChoices.map((c) => ({ value: c.value, label: c.label }))}
          onChange={(e) => onChange({ level: 'pairing', pairingId: e.currentTarget.value })}
        />
      )}
      {value.level === 'side' && sideChoices.length > 1 && (
        <NativeSelect
          label={t('library.form.sideChoice')}
          value={sideValue}
          data={sideChoices.map((c) => ({ value: c.value, label: c.label }))}
          onChange={(e) => {
            const choice = sideChoices.find((c) => c.value === e.currentTarget.value);
            if (choice) onChange(choice.scope);
          }}
        />
      )}
      <Text size="sm" c="dimmed">
        {value.level === 'pairing' && pairingChoices.length === 1
          ? `${t('library.scope.pairing', { pairing: pairingChoices[0].label })}. `
          : ''}
        {t(`library.form.scopeHelp.${value.level}`)}
      </Text>
    </Stack>
  );
}
