import { Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications';
import { SearchBox, SearchToggle, useHeaderSearch } from '../features/search';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useSession } from '../session/session';
import { UserMenu } from './UserMenu';
import ui from '../ui/ui.module.css';
import classes from './Layout.module.css';

export function Layout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const search = useHeaderSearch(user !== null);
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="xl" py="xs">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="lg" wrap="wrap" miw={0}>
              <Link to="/" className={classes.brand}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <span>{t('app.name')}</span>
              </Link>
              {user && (
                <nav aria-label={t('nav.label')}>
                  <Group gap={4} component="ul" className={ui.plainList}>
                    <li>
                      <NavLink to="/" end className={classes.navLink}>
                        {t('nav.home')}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/pairings" className={classes.navLink}>
                        {t('nav.pairings')}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/library" className={classes.navLink}>
                        {t('nav.library')}
                      </NavLink>
                    </li>
                  </Group>
                </nav>
              )}
            </Group>
            {user && <SearchBox search={search} />}
            {/* ml auto: on its own row (narrow screens, long names) it stays at the right. */}
            <Group gap="sm" wrap="nowrap" miw={0} ml="auto">
              {user && <SearchToggle search={search} />}
              <LanguageSwitcher />
              {user && <NotificationBell />}
              {user && <UserMenu user={user} />}
            </Group>
          </Group>
        </Container>
      </header>
      <main id="main" tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          <Outlet />
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size="xl" py="md">
          <Text size="sm" c="dimmed">
            {t('app.footer')}
          </Text>
        </Container>
      </footer>
    </Box>
  );
}
