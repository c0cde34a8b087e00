import '@mantine/core/styles.css';
import '@mantine/dropzone/styles.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SessionSocketProvider } from '../realtime/socket';
import { hasErrorCode, isApiError } from '../api/api';
import { SESSION_KEY } from '../session/session';
import { cssVariablesResolver, theme } from './theme';

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // Client errors will not get better by asking again.
        retry: (count, err) =>
          !(isApiError(err) && err.statusCode >= 400 && err.statusCode < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
    // A 401 anywhere means the session ended (expired or signed out elsewhere): RequireSession
    // then sends the person to the login page.
    queryCache: new QueryCache({ onError: (err) => expireOn401(client, err) }),
    mutationCache: new MutationCache({ onError: (err) => expireOn401(client, err) }),
  });
  return client;
}

function expireOn401(client: QueryClient, err: unknown): void {
  if (hasErrorCode(err, 'unauthorized') && client.getQueryData(SESSION_KEY))
    client.setQueryData(SESSION_KEY, null);
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>
        <SessionSocketProvider>{children}</SessionSocketProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
