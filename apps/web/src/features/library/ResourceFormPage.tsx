/** `/library/new` and `/library/:id/edit`: the form, with the item's values when editing. */
import { Alert, Stack, Text } from '@mantine/core';
import type { ContentLanguage, ResourceScope } from '@iuc/domain';
import { CONTENT_LANGUAGES, isOneOf } from '@iuc/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasErrorCode } from '../../api/api';
import { currentLanguage } from '../../i18n';
import { PageHeading } from '../../ui/page';
import { ErrorAlert, Loading } from '../../ui/Status';
import { useUser } from '../../session/session';
import { emptyValues, valuesOf } from './formModel';
import { ResourceForm } from './ResourceForm';
import { NotShared } from './ResourcePage';
import { useResource } from './useLibrary';

export function NewResourcePage() {
  const { t } = useTranslation();
  const user = useUser();
  const lng = currentLanguage();
  const language: ContentLanguage = isOneOf(CONTENT_LANGUAGES, lng) ? lng : 'en';
  // A city member starts with their own pairing (no review); staff with the programme.
  const first = user.memberships[0];
  const scope: ResourceScope = first
    ? { level: 'pairing', pairingId: first.pairingId }
    : { level: 'programme' };
  // Tagged with the person's own city to start with (they may choose another or none).
  const cityId = user.memberships.find((m) => m.authorityId)?.authorityId ?? null;
  return (
    <Stack gap="md">
      <PageHeading>{t('library.form.newTitle')}</PageHeading>
      <Text c="dimmed" maw={720}>
        {t('library.form.newIntro')}
      </Text>
      <ResourceForm user={user} initial={{ ...emptyValues(language, scope), cityId }} />
    </Stack>
  );
}

export function EditResourcePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id = '' } = useParams();
  const resource = useResource(id);
  if (resource.isPending) return <Loading />;
  if (resource.isError)
    return hasErrorCode(resource.error, 'not_found') || hasErrorCode(resource.error, 'invalid') ? (
      <NotShared />
    ) : (
      <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />
    );
  const item = resource.data;
  return (
    <Stack gap="md">
      <PageHeading>{t('library.form.editTitle', { title: item.title })}</PageHeading>
      {!item.rights.edit ? (
        <Alert color="orange" variant="light">
          {t('library.form.cannotEdit')}
        </Alert>
      ) : (
        <ResourceForm key={item.id} user={user} initial={valuesOf(item)} existing={item} />
      )}
    </Stack>
  );
}
