/** The TipTap setup of a narrative section, bound to its Y.XmlFragment in the plan's document. */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export interface CaretUser {
  name: string;
  color: string;
}

/** A remote caret: a coloured bar with the person's name (names come from the server). */
function caret(user: Record<string, unknown>): HTMLElement {
  const color = String(user.color);
  const element = document.createElement('span');
  element.className = 'collaboration-carets__caret';
  element.style.borderColor = color;
  // The presence list already tells screen readers who is here; names inside the text would not help.
  element.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = String(user.name ?? '');
  element.append(label);
  return element;
}

export function sectionExtensions(options: {
  doc: Y.Doc;
  field: string;
  provider: WebsocketProvider;
  user: CaretUser;
}) {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo history, per person.
      undoRedo: false,
      // It would append a paragraph on load in every client: readers' copies would write.
      trailingNode: false,
      // Section titles are h2 on the page: content headings start at h3.
      heading: { levels: [3, 4] },
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Collaboration.configure({ document: options.doc, field: options.field }),
    CollaborationCaret.configure({
      provider: options.provider,
      user: options.user,
      render: caret,
      // A light tint of the person's colour, so the selected text stays readable.
      selectionRender: (user) => ({
        nodeName: 'span',
        class: 'collaboration-carets__selection',
        style: `background-color: ${String(user.color)}33`,
      }),
    }),
  ];
}
