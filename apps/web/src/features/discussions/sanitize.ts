/** The HTML of a message as it may reach the DOM: markdown-it's output, then DOMPurify. */
import DOMPurify from 'dompurify';
import { renderMarkdown } from './markdown';

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'span'];
const ALLOWED_ATTR = [
  'href',
  'target',
  'rel',
  'data-app-link',
  'start',
  'data-mention',
  'data-self',
];

export function messageHtml(text: string, selfHandle?: string): string {
  return DOMPurify.sanitize(renderMarkdown(text, window.location.origin, selfHandle), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?!\/))/i,
    // Values of allowed attributes must otherwise look like allowed URIs; a handle is not a URI.
    ADD_URI_SAFE_ATTR: ['data-mention'],
  });
}
