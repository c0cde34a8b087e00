/**
 * The formatting toolbar of one section's editor (ARIA toolbar pattern: one Tab stop, arrow keys
 * move between buttons). Toggle buttons say whether they are on with aria-pressed.
 */
import { Button, Group } from '@mantine/core';
import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './editor.module.css';
import { LinkTool } from './LinkTool';

interface Tool {
  key: string;
  label: string;
  /** Shown on the button: a letter or a short label. */
  face: ReactNode;
  pressed?: boolean;
  run: () => void;
}

export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      subheading: e.isActive('heading', { level: 4 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      key: 'bold',
      label: t('plans.editor.bold'),
      face: <b>B</b>,
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('plans.editor.italic'),
      face: <i>I</i>,
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      key: 'h3',
      label: t('plans.editor.heading'),
      face: t('plans.editor.headingShort'),
      pressed: state.heading,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'h4',
      label: t('plans.editor.subheading'),
      face: t('plans.editor.subheadingShort'),
      pressed: state.subheading,
      run: () => chain().toggleHeading({ level: 4 }).run(),
    },
    {
      key: 'ul',
      label: t('plans.editor.bulletList'),
      face: '•',
      pressed: state.bullets,
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: 'ol',
      label: t('plans.editor.orderedList'),
      face: '1.',
      pressed: state.numbers,
      run: () => chain().toggleOrderedList().run(),
    },
  ];
  const tableTools: Tool[] = state.table
    ? [
        {
          key: 'row',
          label: t('plans.editor.addRow'),
          face: t('plans.editor.addRowShort'),
          run: () => chain().addRowAfter().run(),
        },
        {
          key: 'col',
          label: t('plans.editor.addColumn'),
          face: t('plans.editor.addColumnShort'),
          run: () => chain().addColumnAfter().run(),
        },
        {
          key: 'delrow',
          label: t('plans.editor.deleteRow'),
          face: t('plans.editor.deleteRowShort'),
          run: () => chain().deleteRow().run(),
        },
        {
          key: 'delcol',
          label: t('plans.editor.deleteColumn'),
          face: t('plans.editor.deleteColumnShort'),
          run: () => chain().deleteColumn().run(),
        },
        {
          key: 'deltable',
          label: t('plans.editor.deleteTable'),
          face: t('plans.editor.deleteTableShort'),
          run: () => chain().deleteTable().run(),
        },
      ]
    : [
        {
          key: 'table',
          label: t('plans.editor.insertTable'),
          face: t('plans.editor.table'),
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
      ];
  const keys = [...tools.map((x) => x.key), 'link', ...tableTools.map((x) => x.key)];
  const [current, setCurrent] = useState(keys[0]);
  const focusKey = keys.includes(current) ? current : keys[0];

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % keys.length,
      ArrowLeft: (i) => (i - 1 + keys.length) % keys.length,
      Home: () => 0,
      End: () => keys.length - 1,
    };
    const move = moves[e.key];
    // Only between the buttons: keys typed in the link form stay there.
    if (!move || !(e.target instanceof HTMLElement) || !e.target.dataset.tool) return;
    e.preventDefault();
    const next = keys[move(keys.indexOf(focusKey))];
    setCurrent(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-tool="${next}"]`)?.focus();
  }

  const button = (tool: Tool) => (
    <Button
      key={tool.key}
      data-tool={tool.key}
      size="compact-sm"
      variant={tool.pressed ? 'filled' : 'default'}
      aria-label={tool.label}
      title={tool.label}
      aria-pressed={tool.pressed}
      tabIndex={tool.key === focusKey ? 0 : -1}
      onFocus={() => setCurrent(tool.key)}
      onClick={tool.run}
    >
      {tool.face}
    </Button>
  );

  return (
    <Group
      role="toolbar"
      aria-label={label}
      gap={4}
      className={classes.toolbar}
      onKeyDown={onKeyDown}
    >
      {tools.map(button)}
      <LinkTool
        editor={editor}
        active={state.link}
        tabIndex={focusKey === 'link' ? 0 : -1}
        onFocus={() => setCurrent('link')}
      />
      <span className={classes.toolbarGap} aria-hidden="true" />
      {tableTools.map(button)}
    </Group>
  );
}
