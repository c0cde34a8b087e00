/**
 * One library item: its fields (the good-practice sections only when filled), tags, who sees it,
 * its status and review history, files with previews, the plan actions that cite it, and the
 * buttons its reader's rights allow.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { GOOD_PRACTICE_FIELDS, type ResourceDto } from '@iuc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasErrorCode } from '../../api/api';
import { useDateTime } from '../../i18n/useDateTime';
import { usePlanTitle } from '../../i18n/usePlanTitle';
import { useLanguageName } from '../../i18n/useTaxonomyLabels';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading, SubmitError } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { usePairing } from '../pairings';
import { ConfirmDelete } from './ConfirmDelete';
import { FileList } from './FileList';
import { FeaturedBadge, ResourceStatusBadge, usePlace, useScopeWords } from './labels';
import { ReviewPanel } from './ReviewPanel';
import {
  useCitations,
  useDeleteResource,
  useFeatureResource,
  useResource,
  useRevisions,
} from './useLibrary';
import classes from './Library.module.css';
import fieldNames from './locales/en.json';

/** The fields with a name in words (a revision may name others, shown as they are). */
const FIELD_NAMES = fieldNames.library.field;
type FieldName = keyof typeof FIELD_NAMES;

export function ResourcePage() {
  const { id = '' } = useParams();
  const resource = useResource(id);
  if (resource.isPending) return <Loading />;
  if (resource.isError)
    // A malformed id (400) is as unknown as a hidden one (404).
    return hasErrorCode(resource.error, 'not_found') || hasErrorCode(resource.error, 'invalid') ? (
      <NotShared />
    ) : (
      <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />
    );
  return <ResourceView item={resource.data} />;
}

/** What an outsider sees for an id: the same words whether it exists or not. */
export function NotShared() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeading>{t('library.item.notFoundTitle')}</PageHeading>
      <Text>{t('library.item.notFound')}</Text>
      <Button component={Link} to="/library" variant="default">
        {t('library.item.back')}
      </Button>
    </Stack>
  );
}

function ResourceView({ item }: { item: ResourceDto }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const language = useLanguageName();
  const place = usePlace()(item);
  const sections = GOOD_PRACTICE_FIELDS.filter((f) => item[f]?.trim());

  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/library" size="sm">
        {t('library.item.back')}
      </Anchor>
      <header>
        <Group gap={6} mb={4}>
          <Text size="sm" fw={700} tt="uppercase" c="euBlue.8">
            {t(`library.kind.${item.kind}`)}
          </Text>
          {item.featured && <FeaturedBadge />}
          {item.status !== 'published' && <ResourceStatusBadge status={item.status} />}
        </Group>
        <PageHeading className={classes.wrap} lang={item.language}>
          {item.title}
        </PageHeading>
        {item.summary && (
          <Text size="lg" mt="xs" lang={item.language}>
            {item.summary}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {[
            place,
            t('library.item.writtenIn', {
              language: language(item.language, { inSentence: true }),
            }),
            t('library.item.sharedBy', { name: item.author.name, when: dateTime(item.createdAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </header>

      <ItemActions item={item} />
      {item.rights.review && <ReviewPanel id={item.id} />}

      <Facts item={item} />

      {sections.map((field) => (
        <section key={field} aria-labelledby={`field-${field}`}>
          <Title order={2} size="h3" id={`field-${field}`} mb={4}>
            {t(`library.field.${field}`)}
          </Title>
          <Text className={classes.fieldText} lang={item.language}>
            {item[field]}
          </Text>
        </section>
      ))}
      {item.contact.trim() && (
        <section aria-labelledby="field-contact">
          <Title order={2} size="h3" id="field-contact" mb={4}>
            {t('library.field.contact')}
          </Title>
          <Text className={classes.fieldText} lang={item.language}>
            {item.contact}
          </Text>
        </section>
      )}
      {item.links.length > 0 && (
        <section aria-labelledby="field-links">
          <Title order={2} size="h3" id="field-links" mb={4}>
            {t('library.field.links')}
          </Title>
          <Stack component="ul" gap={4} className={ui.plainList}>
            {item.links.map((link) => (
              <li key={link}>
                <Anchor
                  href={link}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {link}
                </Anchor>
              </li>
            ))}
          </Stack>
        </section>
      )}

      <FileList files={item.files} language={item.language} />
      <CitedBy id={item.id} />
      <History item={item} />
    </Stack>
  );
}

function ItemActions({ item }: { item: ResourceDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteResource(item.id);
  const feature = useFeatureResource(item.id);
  const [confirming, setConfirming] = useState(false);
  const { rights } = item;
  if (!rights.edit && !rights.delete && !rights.feature) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {rights.edit && (
        <Button component={Link} to={`/library/${item.id}/edit`} variant="default">
          {t('library.item.edit')}
        </Button>
      )}
      {rights.delete && (
        <Button variant="default" color="red.9" c="red.9" onClick={() => setConfirming(true)}>
          {t('library.item.delete')}
        </Button>
      )}
      {rights.feature && (
        <Switch
          label={t('library.item.feature')}
          checked={item.featured}
          disabled={feature.isPending}
          onChange={(e) => feature.mutate(e.currentTarget.checked)}
        />
      )}
      <SubmitError mutation={feature} />
      <ConfirmDelete
        opened={confirming}
        title={item.title}
        busy={remove.isPending}
        error={remove}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate('/library', { replace: true }),
          })
        }
      />
    </Group>
  );
}

/** Tags, who sees it, and its status in words. */
function Facts({ item }: { item: ResourceDto }) {
  const { t } = useTranslation();
  const scopeWords = useScopeWords();
  const pairing = usePairingName(item);
  const dateTime = useDateTime();
  const tags = [
    ...item.themes.map((code) => t(`theme.${code}`)),
    ...item.sdgs.map((n) =>
      t('library.sdgLabel', { number: n, name: t(`plans.sdg.${n}` as 'plans.sdg.1') }),
    ),
    ...item.agendas.map((a) => t(`library.agenda.${a}`)),
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fw={600} size="sm">
            {t('library.item.visibility')}
          </Text>
          <Text size="sm">{scopeWords(item.scope, pairing)}</Text>
        </Group>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fw={600} size="sm">
            {t('library.item.status')}
          </Text>
          <ResourceStatusBadge status={item.status} />
          {item.publishedAt && (
            <Text size="sm" c="dimmed">
              {t('library.item.publishedAt', { when: dateTime(item.publishedAt) })}
            </Text>
          )}
        </Group>
        {tags.length > 0 && (
          <Group
            gap={6}
            component="ul"
            className={ui.plainList}
            aria-label={t('library.item.tags')}
          >
            {tags.map((tag) => (
              <li key={tag}>
                <Badge
                  color="euBlue"
                  variant="light"
                  tt="none"
                  h="auto"
                  maw="100%"
                  styles={{ label: { whiteSpace: 'normal' } }}
                >
                  {tag}
                </Badge>
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The pairing's title and the side's city for the scope's words (when the reader may see them). */
function usePairingName(item: ResourceDto): { pairing: string | null; city: string | null } {
  const pairingId = item.scope.pairingId ?? '';
  const pairing = usePairing(pairingId);
  if (!pairingId || !pairing.data) return { pairing: null, city: null };
  const city =
    pairing.data.sides.flatMap((s) => s.authorities).find((a) => a.id === item.scope.authorityId)
      ?.name ?? null;
  return { pairing: pairing.data.title, city };
}

function CitedBy({ id }: { id: string }) {
  const { t } = useTranslation();
  const citations = useCitations(id);
  const planTitle = usePlanTitle();
  return (
    <section aria-labelledby="cited-by">
      <Title order={2} size="h3" id="cited-by" mb="sm">
        {t('library.item.citedBy')}
      </Title>
      {citations.isPending ? (
        <Loading />
      ) : citations.isError ? (
        <ErrorAlert error={citations.error} />
      ) : citations.data.length === 0 ? (
        <Text c="dimmed">{t('library.item.citedByNone')}</Text>
      ) : (
        <Stack component="ul" gap={4} className={ui.plainList}>
          {citations.data.map((c) => (
            <li key={`${c.planId}-${c.actionId}`}>
              <Anchor component={Link} to={`/plans/${c.planId}`}>
                {c.actionTitle || t('library.item.untitledAction')}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' · '}
                {planTitle(c.planTitle)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The review steps and the edits, newest first. */
function History({ item }: { item: ResourceDto }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const revisions = useRevisions(item.id);
  const fieldWord = (field: string): string =>
    field in FIELD_NAMES ? t(`library.field.${field as FieldName}`) : field;
  return (
    <section aria-labelledby="history">
      <Title order={2} size="h3" id="history" mb="sm">
        {t('library.item.history')}
      </Title>
      <Stack gap="md">
        {item.reviews.length > 0 && (
          <Stack
            component="ol"
            gap="xs"
            className={ui.plainList}
            aria-label={t('library.item.reviewSteps')}
          >
            {[...item.reviews].reverse().map((step) => (
              <li key={step.id}>
                <Text size="sm">
                  <time dateTime={step.at}>{dateTime(step.at)}</time>
                  {' · '}
                  {t(`library.review.step.${step.action}`, { name: step.actor.name })}
                </Text>
                {step.comment && (
                  <Text size="sm" c="dimmed" className={classes.fieldText} pl="md">
                    “{step.comment}”
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
        {revisions.data && revisions.data.length > 0 && (
          <Stack
            component="ol"
            gap="xs"
            className={ui.plainList}
            aria-label={t('library.item.revisions')}
          >
            {revisions.data.map((rev) => (
              <li key={rev.id}>
                <Text size="sm">
                  <time dateTime={rev.at}>{dateTime(rev.at)}</time>
                  {' · '}
                  {t('library.item.changed', {
                    name: rev.actor.name,
                    fields: rev.changes.map((c) => fieldWord(c.field)).join(', '),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {item.reviews.length === 0 && !revisions.data?.length && (
          <Text c="dimmed">{t('library.item.historyNone')}</Text>
        )}
      </Stack>
    </section>
  );
}
