/** Page chrome every route uses: the document title and a heading that takes focus after navigation. */
import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}

/**
 * The page's h1. After a client-side navigation it takes focus, so screen readers announce the new
 * page and keyboard users continue from its top (not on the first load: the skip link comes first).
 */
export function PageHeading({
  children,
  ...props
}: Omit<TitleProps, 'order'> & { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();
  usePageTitle(children);
  useEffect(() => {
    if (key !== 'default') ref.current?.focus({ preventScroll: false });
    // Only on arriving at a page; filter changes in the query string keep focus where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }} {...props}>
      {children}
    </Title>
  );
}
