/**
 * `/plans/:planId`: a city's Local Action Plan, written together live. The tools (contents,
 * review, versions, export) sit in a column beside the document on wide screens and above it,
 * folded, on narrow ones.
 */
import { Accordion, Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { planRights, worksForPlanCity, type PlanDetailDto } from '@iuc/domain';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { PageHeading, usePageTitle } from '../../ui/page';
import { useUser } from '../../session/session';
import { CountryLabel, usePairing } from '../pairings';
import { ErrorAlert, Loading } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { usePlanDocument } from './collab/usePlanDocument';
import { useDocumentSettled } from './collab/useYjs';
import { focusAction, focusSection, focusSectionHeading, sectionId } from './focus';
import { PlanStatusBadge, useSectionTitle } from './labels';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import { ExportLinks } from './panels/ExportLinks';
import { ReviewPanel } from './panels/ReviewPanel';
import { VersionsPanel } from './panels/VersionsPanel';
import { ChangesRequestedNotice } from './ChangesRequestedNotice';
import { PlanDocumentView } from './PlanDocumentView';
import { usePlan } from './usePlans';
import classes from './PlanPage.module.css';

export function PlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const planTitle = usePlanTitle();
  usePageTitle(plan.data ? planTitle(plan.data.title) : t('plans.title'));
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <Stack>
        <PageHeading>{t('plans.title')}</PageHeading>
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </Stack>
    );
  }
  return <PlanView plan={plan.data} onRecheck={() => void plan.refetch()} />;
}

function PlanView({ plan, onRecheck }: { plan: PlanDetailDto; onRecheck: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const document = usePlanDocument(plan.documentName, user.id);
  // The submission check is the server's: ask again when the text settles.
  useDocumentSettled(document?.doc ?? null, onRecheck);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const headerHeight = useHeaderHeight();
  useSectionLink(plan, document !== null);
  return (
    <Stack gap="lg" style={{ '--plan-sticky-top': `${headerHeight}px` } as CSSProperties}>
      <PlanHeader plan={plan} />
      <ReadOnlyNotice plan={plan} />
      <ChangesRequestedNotice plan={plan} />
      <div className={classes.layout}>
        <aside className={classes.tools} aria-label={t('plans.tools')}>
          <Accordion multiple defaultValue={wide ? ['contents', 'review'] : []} variant="separated">
            <Accordion.Item value="contents">
              <Accordion.Control>{t('plans.contents')}</Accordion.Control>
              <Accordion.Panel>
                <Contents plan={plan} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="review">
              <Accordion.Control>{t('plans.review.title')}</Accordion.Control>
              <Accordion.Panel>
                <ReviewPanel plan={plan} onRecheck={onRecheck} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="versions">
              <Accordion.Control>{t('plans.versions.title')}</Accordion.Control>
              <Accordion.Panel>
                <VersionsPanel plan={plan} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="export">
              <Accordion.Control>{t('plans.export.title')}</Accordion.Control>
              <Accordion.Panel>
                <ExportLinks planId={plan.id} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </aside>
        <div className={classes.document}>
          <PlanDocumentView plan={plan} document={document} />
        </div>
      </div>
    </Stack>
  );
}

function PlanHeader({ plan }: { plan: PlanDetailDto }) {
  const { t, i18n } = useTranslation();
  const planTitle = usePlanTitle();
  const pairing = usePairing(plan.pairingId);
  const language = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' }).of(
    plan.language,
  );
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={`/pairings/${plan.pairingId}`} size="sm">
        {pairing.data
          ? t('plans.backTo', { pairing: pairing.data.title })
          : t('plans.backToPairing')}
      </Anchor>
      <PageHeading>{planTitle(plan.title)}</PageHeading>
      <Group gap="sm" wrap="wrap">
        <Text>
          {plan.authority.name} · <CountryLabel iso={plan.authority.countryIso} />
        </Text>
        <Text c="dimmed">{t('plans.writtenIn', { language })}</Text>
        <PlanStatusBadge status={plan.status} />
      </Group>
    </Stack>
  );
}

/** Why the text cannot be changed: not this person's plan, or frozen by the review. */
function ReadOnlyNotice({ plan }: { plan: PlanDetailDto }) {
  const { t } = useTranslation();
  const user = useUser();
  if (plan.permissions.canEdit) return null;
  // Programme staff opening a submitted plan are here to give their verdict: say where.
  if (plan.permissions.transitions.includes('approved')) {
    return (
      <Alert color="blue" variant="light" title={t('plans.readOnly.reviewTitle')}>
        {t('plans.readOnly.review')}
      </Alert>
    );
  }
  const membership = user.memberships.find((m) => m.pairingId === plan.pairingId);
  const writer = planRights(
    {
      programmeRole: user.programmeRole,
      pairingRole: membership?.role ?? null,
      ownSide: worksForPlanCity(membership?.authorityId, plan.authorityId),
    },
    'draft',
  ).edit;
  return (
    <Alert color={writer ? 'orange' : 'blue'} variant="light" title={t('plans.readOnly.title')}>
      {writer
        ? t('plans.readOnly.frozen', { status: t(`plans.status.${plan.status}`) })
        : t('plans.readOnly.reader', { city: plan.authority.name })}
    </Alert>
  );
}

function Contents({ plan }: { plan: PlanDetailDto }) {
  const { t } = useTranslation();
  const title = useSectionTitle();
  return (
    <nav aria-label={t('plans.contents')}>
      <Stack component="ol" gap={4} className={ui.plainList}>
        {plan.sections.map((section) => (
          <li key={section.key}>
            <Anchor
              href={`#${sectionId(section.key)}`}
              size="sm"
              onClick={(e) => {
                e.preventDefault();
                focusSection(section.key);
              }}
            >
              {title(section.key, section.number)}
            </Anchor>
          </li>
        ))}
      </Stack>
    </nav>
  );
}

/**
 * A link to a section (`/plans/<id>#plan-section-monitoring`, e.g. in a discussion, or
 * `?section=monitoring` from a search result) lands on that section's heading once the document
 * view has rendered it; `?action=<id>` lands on that action of the table, which appears only once
 * the document has synced (so it is looked for a little longer).
 */
function useSectionLink(plan: PlanDetailDto, rendered: boolean): void {
  const { hash } = useLocation();
  const [params] = useSearchParams();
  const sectionKey = params.get('section');
  const actionId = params.get('action');
  useEffect(() => {
    if (!rendered) return;
    const section = plan.sections.find(
      (s) => s.key === sectionKey || hash === `#${sectionId(s.key)}`,
    );
    const land = actionId
      ? () => focusAction(actionId)
      : section
        ? () => focusSectionHeading(section.key)
        : null;
    if (!land) return;
    let frame = 0;
    let tries = 0;
    // About five seconds of frames: the first sync of a long plan can take that on a slow line.
    const attempt = () => {
      if (!land() && ++tries < 300) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [hash, sectionKey, actionId, plan.sections, rendered]);
}

/** The height of the app's sticky header, which the plan's sticky parts must stay below. */
function useHeaderHeight(): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const header = document.querySelector('body header');
    if (!header) return;
    const observer = new ResizeObserver(() => setHeight(header.getBoundingClientRect().height));
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return height;
}
