/** Section 5: the action table, bound to the document's `actions` Y.Array. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { ACTIONS_ARRAY_NAME } from '@iuc/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import ui from '../../../ui/ui.module.css';
import { ConfirmDialog } from '../ConfirmDialog';
import { useYArray } from '../collab/useYjs';
import { ActionCard, actionFieldId } from './ActionCard';
import { addAction, itemKey, moveItem, removeItem, type YRecord } from './actionModel';
import { useActionOptions } from './options';

export function ActionTable({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const array = doc.getArray<YRecord>(ACTIONS_ARRAY_NAME);
  const actions = useYArray(array);
  const options = useActionOptions();
  const [removing, setRemoving] = useState<{ action: YRecord; name: string } | null>(null);
  // After adding an action, its title field takes focus (once it is rendered).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(actionFieldId(focusId, 'title'))?.focus();
  }, [focusId]);

  return (
    <Stack gap="sm">
      {actions.length === 0 ? (
        <Text c="dimmed">{t('plans.actions.none')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          className={ui.plainList}
          aria-label={t('plans.actions.list')}
        >
          {actions.map((action, index) => (
            <li key={itemKey(action)}>
              <ActionCard
                action={action}
                index={index}
                count={actions.length}
                readOnly={readOnly}
                options={options}
                onMove={(to) => moveItem(array, index, to)}
                onRemove={(name) => setRemoving({ action, name })}
              />
            </li>
          ))}
        </Stack>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" id="plan-add-action" onClick={() => setFocusId(addAction(array))}>
            {t('plans.actions.add')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('plans.actions.removeTitle')}
        message={removing ? t('plans.actions.removeMessage', { name: removing.name }) : ''}
        confirmLabel={t('plans.actions.removeConfirm')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          // Found again by identity: someone may have moved actions since the dialog opened.
          if (removing) removeItem(array, array.toArray().indexOf(removing.action));
          setRemoving(null);
        }}
      />
    </Stack>
  );
}
