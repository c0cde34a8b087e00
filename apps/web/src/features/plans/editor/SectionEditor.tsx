/**
 * One narrative section's rich-text editor, bound to `section:<key>` in the plan's Y.Doc, with the
 * other people's carets labelled with their names. Its toolbar shows while focus is in it.
 */
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDocument } from '../collab/usePlanDocument';
import { EditorToolbar } from './EditorToolbar';
import { sectionExtensions, type CaretUser } from './extensions';
import classes from './editor.module.css';

export const EDITOR_HINT_ID = 'plan-editor-hint';
export const editorId = (field: string) => `plan-editor-${field.replace(/[^a-z0-9-]/gi, '-')}`;

interface Props {
  plan: PlanDocument;
  /** The Y.XmlFragment's name, `section:<key>`. */
  field: string;
  /** The accessible name of the text box (the section's title). */
  label: string;
  user: CaretUser;
  editable: boolean;
  /** The plan's language, so screen readers and spell checkers use it. */
  lang: string;
  describedBy?: string;
}

/** The text box's attributes: its name, hints, mode and language. */
function editorAttributes(o: {
  field: string;
  label: string;
  lang: string;
  describedBy?: string;
  editable: boolean;
}) {
  return {
    id: editorId(o.field),
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': o.label,
    'aria-describedby': [o.describedBy, o.editable ? EDITOR_HINT_ID : null]
      .filter(Boolean)
      .join(' '),
    'aria-readonly': String(!o.editable),
    lang: o.lang,
    class: classes.content,
  };
}

export function SectionEditor({ plan, field, label, user, editable, lang, describedBy }: Props) {
  const { t } = useTranslation();
  const { doc, provider } = plan;
  const attributes = useMemo(
    () => editorAttributes({ field, label, lang, describedBy, editable }),
    [field, label, lang, describedBy, editable],
  );
  const editor = useEditor(
    {
      extensions: sectionExtensions({ doc, field, provider, user }),
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes },
    },
    // A new editor only for another document or section; the rest is updated in place below.
    [doc, provider, field],
  );

  // After a submission the plan turns read-only under the editor's feet.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable, false);
    editor.setOptions({ editorProps: { attributes } });
  }, [editor, editable, attributes]);

  useFitCaretLabels(editor);
  const frame = useRef<HTMLDivElement>(null);
  useEscapeThenTab(frame);
  const [focused, setFocused] = useState(false);
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };

  return (
    <div
      ref={frame}
      className={classes.frame}
      data-editable={editable}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      {editor && editable && focused && (
        <EditorToolbar editor={editor} label={t('plans.editor.toolbar', { section: label })} />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * Tab leaves the editor, except inside a list (indent) or a table (next cell). There, Escape and
 * then Tab leaves: the Tab is kept from the editor, so the browser moves focus on as usual.
 */
function useEscapeThenTab(frame: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let escaped = false;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('.ProseMirror')) return;
      if (e.key === 'Escape') {
        escaped = true;
        return;
      }
      if (e.key === 'Tab' && escaped) e.stopPropagation();
      escaped = false;
    };
    // Capture phase: runs before the editor's own key handling.
    element.addEventListener('keydown', onKeyDown, true);
    return () => element.removeEventListener('keydown', onKeyDown, true);
  }, [frame]);
}

/**
 * A name label hangs to the right of its caret; near the right edge it would stick out of the
 * editor (and widen the page on a phone), so there it hangs to the left instead.
 */
function useFitCaretLabels(editor: Editor | null) {
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (editor.isDestroyed) return;
        const right = editor.view.dom.getBoundingClientRect().right;
        for (const label of editor.view.dom.querySelectorAll<HTMLElement>(
          '.collaboration-carets__label',
        )) {
          delete label.dataset.flip;
          if (label.getBoundingClientRect().right > right) label.dataset.flip = 'true';
        }
      });
    };
    editor.on('transaction', fit);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', fit);
    };
  }, [editor]);
}
