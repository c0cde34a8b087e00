/**
 * Sharing or editing a library item: its kind, texts (the good-practice sections for a good
 * practice), tags, city, who sees it, and its files (uploaded while the form is filled in).
 * Checked per field before sending; saving waits until every upload has finished.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  AGENDAS,
  CONTENT_LANGUAGES,
  LIBRARY_LIMITS,
  RESOURCE_KINDS,
  SDGS,
  THEMES,
  type ResourceDto,
  type ResourceKind,
  type UserDto,
} from '@iuc/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasErrorCode } from '../../api/api';
import { useErrorMessage } from '../../ui/Status';
import ui from '../../ui/ui.module.css';
import { usePairings } from '../pairings';
import {
  fieldsForKind,
  requestOf,
  validate,
  type FormErrorKey,
  type FormErrors,
  type ResourceFormValues,
} from './formModel';
import { useLanguageName } from '../../i18n/useTaxonomyLabels';
import { resourcePath } from './links';
import { ScopeField, scopeChoices } from './ScopeField';
import { UploadField } from './upload/UploadField';
import { useUploads } from './upload/useUploads';
import { useAuthorities } from './useAuthorities';
import { useCreateResource, useUpdateResource } from './useLibrary';

interface Props {
  user: UserDto;
  initial: ResourceFormValues;
  /** The item being edited; none when sharing a new one. */
  existing?: ResourceDto;
}

export function ResourceForm({ user, initial, existing }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const language = useLanguageName();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const uploads = useUploads(user.id);
  const create = useCreateResource();
  const update = useUpdateResource(existing?.id ?? '');
  const save = existing ? update : create;
  const pairings = usePairings();
  const authorities = useAuthorities();
  const choices = useMemo(() => scopeChoices(user, pairings.data ?? []), [user, pairings.data]);

  const set = <K extends keyof ResourceFormValues>(key: K, value: ResourceFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const errorText = (err: FormErrorKey | undefined) =>
    err ? t(`library.form.error.${err.key}`, 'max' in err ? { max: err.max } : {}) : undefined;
  const err = (key: keyof ResourceFormValues) => errorText(errors[key]);

  const keptFiles = existing?.files.filter((f) => !removed.has(f.id)) ?? [];
  const room = LIBRARY_LIMITS.filesPerItem - keptFiles.length - uploads.items.length;

  const submit = () => {
    const found = validate(values);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`resource-${first}`)?.focus();
      return;
    }
    const body = requestOf(values);
    const onSuccess = (saved: ResourceDto) => {
      uploads.clearDone();
      void navigate(resourcePath(saved.id));
    };
    if (existing)
      update.mutate(
        {
          ...body,
          uploadIds: uploads.finishedIds,
          removeFileIds: [...removed],
          baseUpdatedAt: existing.updatedAt,
        },
        { onSuccess },
      );
    else create.mutate({ ...body, uploadIds: uploads.finishedIds }, { onSuccess });
  };

  const options = {
    kinds: RESOURCE_KINDS.map((k) => ({ value: k, label: t(`library.kind.${k}`) })),
    themes: THEMES.map((c) => ({ value: c, label: t(`theme.${c}`) })).sort((a, b) =>
      a.label.localeCompare(b.label),
    ),
    sdgs: SDGS.map((n) => ({
      value: String(n),
      label: t('library.sdgLabel', { number: n, name: t(`plans.sdg.${n}` as 'plans.sdg.1') }),
    })),
    languages: CONTENT_LANGUAGES.map((l) => ({ value: l, label: language(l) })),
    cities: (authorities.data ?? []).map((a) => ({ value: a.id, label: a.name })),
  };
  const fields = fieldsForKind(values.kind);
  const saveLabel = existing
    ? t('library.form.save')
    : values.scope.level === 'programme'
      ? t('library.form.submitForReview')
      : t('library.form.share');

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg" maw={880}>
        <Paper withBorder p="md" component="fieldset" className={ui.plainList}>
          <Title order={2} size="h4" component="legend" mb="sm">
            {t('library.form.about')}
          </Title>
          <Stack gap="sm">
            <NativeSelect
              id="resource-kind"
              label={t('library.field.kind')}
              value={values.kind}
              data={options.kinds}
              onChange={(e) => set('kind', e.currentTarget.value as ResourceKind)}
            />
            <TextInput
              id="resource-title"
              label={t('library.field.title')}
              required
              value={values.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={err('title')}
              description={t('library.help.title')}
            />
            <Textarea
              id="resource-summary"
              label={t('library.field.summary')}
              description={t('library.help.summary')}
              autosize
              minRows={2}
              value={values.summary}
              onChange={(e) => set('summary', e.currentTarget.value)}
              error={err('summary')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="fieldset" className={ui.plainList}>
          <Title order={2} size="h4" component="legend" mb="sm">
            {values.kind === 'good_practice'
              ? t('library.form.practice')
              : t('library.form.details')}
          </Title>
          <Stack gap="sm">
            {fields.map((f) => (
              <Textarea
                key={f}
                id={`resource-${f}`}
                label={t(`library.field.${f}`)}
                description={t(`library.help.${f}`)}
                autosize
                minRows={3}
                maxRows={16}
                value={values[f]}
                onChange={(e) => set(f, e.currentTarget.value)}
                error={err(f)}
              />
            ))}
            <TextInput
              id="resource-contact"
              label={t('library.field.contact')}
              description={t('library.help.contact')}
              value={values.contact}
              onChange={(e) => set('contact', e.currentTarget.value)}
              error={err('contact')}
            />
            <Textarea
              id="resource-links"
              label={t('library.field.links')}
              description={t('library.help.links', { max: LIBRARY_LIMITS.links })}
              autosize
              minRows={2}
              value={values.links}
              onChange={(e) => set('links', e.currentTarget.value)}
              error={err('links')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="fieldset" className={ui.plainList}>
          <Title order={2} size="h4" component="legend" mb="sm">
            {t('library.form.tags')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MultiSelect
              id="resource-themes"
              label={t('library.field.themes')}
              data={options.themes}
              value={values.themes}
              searchable
              hidePickedOptions
              maxValues={LIBRARY_LIMITS.themes}
              onChange={(v) => set('themes', v as ResourceFormValues['themes'])}
              error={err('themes')}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              id="resource-sdgs"
              label={t('library.field.sdgs')}
              data={options.sdgs}
              value={values.sdgs.map(String)}
              searchable
              hidePickedOptions
              onChange={(v) => set('sdgs', v.map(Number))}
              comboboxProps={{ withinPortal: true }}
            />
            <NativeSelect
              id="resource-language"
              label={t('library.field.language')}
              description={t('library.help.language')}
              value={values.language}
              data={options.languages}
              onChange={(e) =>
                set('language', e.currentTarget.value as ResourceFormValues['language'])
              }
            />
            <Select
              id="resource-cityId"
              label={t('library.field.city')}
              description={t('library.help.city')}
              placeholder={t('library.form.searchCity')}
              data={options.cities}
              value={values.cityId}
              searchable
              clearable
              nothingFoundMessage={t('library.form.noCity')}
              onChange={(v) => set('cityId', v)}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Checkbox.Group
            mt="sm"
            id="resource-agendas"
            label={t('library.field.agendas')}
            description={t('library.help.agendas')}
            value={values.agendas}
            onChange={(v) => set('agendas', v as ResourceFormValues['agendas'])}
          >
            <Group gap="md" mt={6}>
              {AGENDAS.map((a) => (
                <Checkbox key={a} value={a} label={t(`library.agenda.${a}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Paper>

        <Paper withBorder p="md" component="fieldset" className={ui.plainList}>
          <Title order={2} size="h4" component="legend" mb="sm" id="resource-scope-heading">
            {t('library.form.visibility')}
          </Title>
          <ScopeField
            value={values.scope}
            onChange={(scope) => set('scope', scope)}
            choices={choices}
            error={err('scope')}
          />
        </Paper>

        <Paper withBorder p="md" component="fieldset" className={ui.plainList}>
          <Title order={2} size="h4" component="legend" mb="sm">
            {t('library.form.files')}
          </Title>
          {existing && existing.files.length > 0 && (
            <Stack gap={4} mb="sm">
              <Text size="sm" fw={600}>
                {t('library.form.existingFiles')}
              </Text>
              {existing.files.map((f) => (
                <Checkbox
                  key={f.id}
                  label={f.name}
                  checked={!removed.has(f.id)}
                  description={removed.has(f.id) ? t('library.form.fileWillGo') : undefined}
                  onChange={(e) => {
                    const keep = e.currentTarget.checked;
                    setRemoved((r) => {
                      const next = new Set(r);
                      if (keep) next.delete(f.id);
                      else next.add(f.id);
                      return next;
                    });
                  }}
                />
              ))}
            </Stack>
          )}
          <UploadField uploads={uploads} room={room} />
        </Paper>

        {save.error ? (
          <Alert color="red" variant="light" role="alert" key={save.submittedAt}>
            {hasErrorCode(save.error, 'conflict')
              ? t('library.form.conflict')
              : errorMessage(save.error)}
          </Alert>
        ) : null}
        {uploads.busy && (
          <Text size="sm" c="dimmed" id="resource-wait">
            {t('library.form.waitUploads')}
          </Text>
        )}
        <Group gap="sm">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={uploads.busy}
            aria-describedby={uploads.busy ? 'resource-wait' : undefined}
          >
            {saveLabel}
          </Button>
          <Button
            component={Link}
            to={existing ? resourcePath(existing.id) : '/library'}
            variant="default"
          >
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
