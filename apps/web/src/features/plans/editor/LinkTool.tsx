import { Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Add, change or remove the link on the selection. */
export function LinkTool(props: {
  editor: Editor;
  active: boolean;
  tabIndex: number;
  onFocus: () => void;
}) {
  const { editor, active } = props;
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState('');
  const close = () => {
    setOpened(false);
    editor.commands.focus();
  };
  function apply() {
    const url = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url)
      chain.setLink({ href: /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}` }).run();
    else chain.unsetLink().run();
    setOpened(false);
  }
  return (
    // Inside the toolbar, not in a portal: focus stays within the editor's frame.
    <Popover
      opened={opened}
      onChange={setOpened}
      withinPortal={false}
      trapFocus
      position="bottom-start"
      shadow="md"
    >
      <Popover.Target>
        <Button
          data-tool="link"
          size="compact-sm"
          variant={active ? 'filled' : 'default'}
          aria-pressed={active}
          aria-haspopup="dialog"
          aria-expanded={opened}
          aria-label={t('plans.editor.link')}
          title={t('plans.editor.link')}
          tabIndex={props.tabIndex}
          onFocus={props.onFocus}
          onClick={() => {
            setHref((editor.getAttributes('link').href as string | undefined) ?? '');
            setOpened((o) => !o);
          }}
        >
          {t('plans.editor.linkShort')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <Stack gap="xs" w={280}>
            <TextInput
              label={t('plans.editor.linkAddress')}
              type="url"
              value={href}
              onChange={(e) => setHref(e.currentTarget.value)}
              placeholder="https://"
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              {active && (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    editor.chain().focus().extendMarkRange('link').unsetLink().run();
                    setOpened(false);
                  }}
                >
                  {t('plans.editor.removeLink')}
                </Button>
              )}
              <Button type="submit" size="xs">
                {t('plans.editor.applyLink')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
