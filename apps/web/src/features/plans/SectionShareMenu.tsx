/**
 * A section's link, from its heading: copy it (to paste anywhere), or start a message about the
 * section in the pairing's discussions — the partner city reads it with a link straight to it.
 */
import { ActionIcon, Menu, Text } from '@mantine/core';
import { planSectionPath, type PlanDetailDto, type PlanSectionDefinition } from '@iuc/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LinkIcon } from '../../ui/icons';
import { pairingDiscussionsPath, type DraftState } from '../discussions';
import { useSectionTitle } from './labels';
import { usePlanTitle } from '../../i18n/usePlanTitle';

/** How long "Link copied" stays. */
const COPIED_NOTICE_MS = 4_000;

export function SectionShareMenu({
  plan,
  section,
  canDiscuss,
}: {
  plan: PlanDetailDto;
  section: PlanSectionDefinition;
  /** Whether the person may write in the pairing's discussions. */
  canDiscuss: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sectionTitle = useSectionTitle()(section.key, section.number);
  const planTitle = usePlanTitle()(plan.title);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const path = planSectionPath(plan.id, section.key);
  const url = new URL(path, window.location.origin).href;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    );
  const discuss = () => {
    const state: DraftState = { reference: { label: `${planTitle} · ${sectionTitle}`, path } };
    void navigate(pairingDiscussionsPath(plan.pairingId), { state });
  };

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('plans.share.menu', { section: sectionTitle })}
          >
            <LinkIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void copy()}>{t('plans.share.copy')}</Menu.Item>
          {canDiscuss && <Menu.Item onClick={discuss}>{t('plans.share.discuss')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <Text size="sm" c={copied === 'failed' ? 'red.8' : 'dimmed'} role="status">
        {copied === 'ok' && t('plans.share.copied')}
        {copied === 'failed' && t('plans.share.copyFailed', { url })}
      </Text>
    </>
  );
}
