/**
 * The rows of one action's funding lines or indicators: each row a small fieldset of bound fields,
 * with buttons to move and remove it, and one to add a row. The action's card re-renders it on
 * every change inside the action.
 */
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import {
  addRow,
  itemKey,
  moveItem,
  removeItem,
  rowsOf,
  type RowsField,
  type YRecord,
} from './actionModel';
import classes from './actions.module.css';
import { DateField, NumberField, SelectField, TextField, type Option } from './fields';
import { MoveButtons, RemoveButton } from './ItemButtons';
import type { ActionOptions } from './options';

type Column =
  | { key: string; kind: 'text' | 'number' | 'date'; label: string }
  | { key: string; kind: 'select'; label: string; options: Option[] };

interface Props {
  action: YRecord;
  actionId: string;
  field: RowsField;
  readOnly: boolean;
  options: ActionOptions;
}

function useColumns(field: RowsField, options: ActionOptions): Column[] {
  const { t } = useTranslation();
  return field === 'funding'
    ? [
        {
          key: 'source',
          kind: 'select',
          label: t('plans.funding.source'),
          options: options.fundingSources,
        },
        { key: 'amount', kind: 'number', label: t('plans.funding.amount') },
        {
          key: 'status',
          kind: 'select',
          label: t('plans.funding.status'),
          options: options.fundingStatuses,
        },
      ]
    : [
        {
          key: 'kind',
          kind: 'select',
          label: t('plans.indicator.kind'),
          options: options.indicatorKinds,
        },
        { key: 'name', kind: 'text', label: t('plans.indicator.name') },
        { key: 'unit', kind: 'text', label: t('plans.indicator.unit') },
        { key: 'baseline', kind: 'number', label: t('plans.indicator.baseline') },
        { key: 'target', kind: 'number', label: t('plans.indicator.target') },
        { key: 'targetDate', kind: 'date', label: t('plans.indicator.targetDate') },
      ];
}

export function RowsEditor({ action, actionId, field, readOnly, options }: Props) {
  const { t } = useTranslation();
  const columns = useColumns(field, options);
  const rows = rowsOf(action, field);
  const items = rows ? rows.toArray() : [];
  const title = t(`plans.${field}.title`);
  const headingId = `action-${actionId}-${field}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Text fw={650} id={headingId}>
        {title}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`plans.${field}.none`)}
        </Text>
      )}
      {rows &&
        items.map((row, index) => (
          <Row
            key={itemKey(row)}
            rows={rows}
            row={row}
            index={index}
            legend={t(`plans.${field}.row`, { number: index + 1 })}
            columns={columns}
            idPrefix={`${headingId}-${index}`}
            readOnly={readOnly}
          />
        ))}
      {!readOnly && (
        <Group>
          <Button variant="default" size="xs" onClick={() => addRow(action, field)}>
            {t(`plans.${field}.add`)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Row(props: {
  rows: Y.Array<YRecord>;
  row: YRecord;
  index: number;
  legend: string;
  columns: Column[];
  idPrefix: string;
  readOnly: boolean;
}) {
  const { rows, row, index, legend, columns, idPrefix, readOnly } = props;
  return (
    <fieldset className={classes.row}>
      <legend className={classes.rowLegend}>{legend}</legend>
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: columns.length > 3 ? 3 : columns.length }}
        spacing="xs"
      >
        {columns.map((column) => {
          const common = {
            map: row,
            field: column.key,
            label: column.label,
            readOnly,
            id: `${idPrefix}-${column.key}`,
          };
          switch (column.kind) {
            case 'select':
              return <SelectField key={column.key} {...common} options={column.options} />;
            case 'number':
              return <NumberField key={column.key} {...common} />;
            case 'date':
              return <DateField key={column.key} {...common} />;
            default:
              return <TextField key={column.key} {...common} />;
          }
        })}
      </SimpleGrid>
      {!readOnly && (
        <Group gap={4} justify="flex-end" mt={6}>
          <MoveButtons
            index={index}
            count={rows.length}
            name={legend}
            onMove={(to) => moveItem(rows, index, to)}
          />
          <RemoveButton name={legend} onRemove={() => removeItem(rows, index)} />
        </Group>
      )}
    </fieldset>
  );
}
