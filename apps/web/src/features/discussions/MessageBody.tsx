import { useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { mentionHandle } from '@iuc/domain';
import { useSession } from '../../session/session';
import { ResourceLinkCards, libraryLinkIds } from '../library';
import { messageHtml } from './sanitize';
import classes from './Discussions.module.css';

/**
 * A message's text as light formatting. The HTML is markdown-it's (raw HTML off) sanitised by
 * DOMPurify; links into the platform navigate inside the app. Mentions are marked, the reader's
 * own more strongly.
 */
export function MessageBody({ body }: { body: string }) {
  const navigate = useNavigate();
  const { user } = useSession();
  const selfHandle = user ? mentionHandle(user.name) : undefined;
  const html = useMemo(() => messageHtml(body, selfHandle), [body, selfHandle]);
  const linked = useMemo(() => libraryLinkIds(body), [body]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a[data-app-link]');
    if (
      !link ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    void navigate(link.getAttribute('href') ?? '/');
  };
  // Sanitised above (sanitize.ts): the only HTML that reaches the DOM. Linked library items get a
  // card below, only for readers the API lets see them.
  return (
    <>
      <div className={classes.body} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      <ResourceLinkCards ids={linked} />
    </>
  );
}
