/** One action of the action table: its fields inline, its funding lines and indicators on demand. */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResourcePicker } from '../../library';
import { useYObserve } from '../collab/useYjs';
import { rowsOf, setTags, tagsOf, textOf, type YRecord } from './actionModel';
import classes from './actions.module.css';
import { DateField, NumberField, SelectField, TagsField, TextField } from './fields';
import { MoveButtons, RemoveButton } from './ItemButtons';
import type { ActionOptions } from './options';
import { RowsEditor } from './RowsEditor';

/** Ids of an action's inputs, so the submission check can send people to them. */
export const actionFieldId = (actionId: string, field: string) => `action-${actionId}-${field}`;

interface Props {
  action: YRecord;
  index: number;
  count: number;
  readOnly: boolean;
  options: ActionOptions;
  onMove: (to: number) => void;
  onRemove: (name: string) => void;
}

export function ActionCard({ action, index, count, readOnly, options, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  // Any change inside the action (a field, a funding line, a tag) re-renders the card.
  useYObserve(action, true);
  const [open, setOpen] = useState(false);
  const id = textOf(action, 'id') || `index-${index}`;
  const fieldId = (field: string) => actionFieldId(id, field);
  const name = t('plans.actions.name', {
    number: index + 1,
    title: textOf(action, 'title').trim() || t('plans.actions.untitled'),
  });
  const bound = (field: string, label: string) => ({
    map: action,
    field,
    label,
    readOnly,
    id: fieldId(field),
  });
  const fundingCount = rowsOf(action, 'funding')?.length ?? 0;
  const indicatorCount = rowsOf(action, 'indicators')?.length ?? 0;
  const typeLabel = options.types.find((o) => o.value === textOf(action, 'type'))?.label;
  const statusLabel = options.statuses.find((o) => o.value === textOf(action, 'status'))?.label;

  return (
    <Paper component="article" p="md" aria-labelledby={fieldId('heading')} className={classes.card}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title
              order={3}
              size="h5"
              id={fieldId('heading')}
              tabIndex={-1}
              className={classes.cardTitle}
            >
              {name}
            </Title>
            <Group gap={6} mt={4}>
              {typeLabel && (
                <Badge color={textOf(action, 'type') === 'pilot_project' ? 'euBlue' : 'gray'}>
                  {typeLabel}
                </Badge>
              )}
              {statusLabel && (
                <Badge color="gray" variant="outline">
                  {statusLabel}
                </Badge>
              )}
            </Group>
          </div>
          {!readOnly && (
            <Group gap={2} wrap="nowrap">
              <MoveButtons index={index} count={count} name={name} onMove={onMove} />
              <RemoveButton name={name} onRemove={() => onRemove(name)} />
            </Group>
          )}
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <div className={classes.wide}>
            <TextField {...bound('title', t('plans.action.title'))} />
          </div>
          <SelectField {...bound('type', t('plans.action.type'))} options={options.types} />
          <SelectField {...bound('status', t('plans.action.status'))} options={options.statuses} />
          <DateField {...bound('startDate', t('plans.action.startDate'))} />
          <DateField {...bound('endDate', t('plans.action.endDate'))} />
          <div className={classes.wide}>
            <TextField {...bound('objective', t('plans.action.objective'))} multiline />
          </div>
          <div className={classes.half}>
            <TextField {...bound('leadOrganisation', t('plans.action.leadOrganisation'))} />
          </div>
          <NumberField {...bound('cost', t('plans.action.cost'))} />
          <SelectField
            {...bound('currency', t('plans.action.currency'))}
            options={options.currencies}
          />
          <div className={classes.half}>
            <TagsField
              {...bound('sdgs', t('plans.action.sdgs'))}
              field="sdgs"
              options={options.sdgs}
            />
          </div>
          <div className={classes.half}>
            <TagsField
              {...bound('themes', t('plans.action.themes'))}
              field="themes"
              options={options.themes}
            />
          </div>
          <div className={classes.wide}>
            <ResourcePicker
              id={fieldId('inspiredBy')}
              label={t('plans.action.inspiredBy')}
              value={tagsOf(action, 'inspiredBy').filter((v): v is string => typeof v === 'string')}
              onChange={(ids) => setTags(action, 'inspiredBy', ids)}
              readOnly={readOnly}
            />
          </div>
        </SimpleGrid>

        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            className={classes.detailsToggle}
            id={fieldId('details')}
            aria-expanded={open}
            aria-controls={fieldId('details-panel')}
            onClick={() => setOpen((o) => !o)}
            leftSection={<Chevron open={open} />}
          >
            {t('plans.actions.details', { funding: fundingCount, indicators: indicatorCount })}
          </Button>
          <div id={fieldId('details-panel')}>
            {open && (
              <Stack gap="md" mt="sm">
                <RowsEditor
                  action={action}
                  actionId={id}
                  field="funding"
                  readOnly={readOnly}
                  options={options}
                />
                <RowsEditor
                  action={action}
                  actionId={id}
                  field="indicators"
                  readOnly={readOnly}
                  options={options}
                />
              </Stack>
            )}
          </div>
        </div>
      </Stack>
    </Paper>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
      style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
    >
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}
