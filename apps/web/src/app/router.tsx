import { createBrowserRouter } from 'react-router';
import { InvitePage, LoginPage } from '../features/auth';
import { DiscussionsPage, PairingChannelsLink } from '../features/discussions';
import { HomePage } from '../features/home';
import {
  EditResourcePage,
  LibraryPage,
  NewResourcePage,
  ResourcePage,
  TrashPage,
} from '../features/library';
import { DirectoryPage, PairingPage } from '../features/pairings';
import { PairingPlans, PlanPage } from '../features/plans';
import { SearchPage } from '../features/search';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

// The pairing page shows the plans and channels of its pairing without importing their features.
const pairingParts = { Plans: PairingPlans, ChannelsLink: PairingChannelsLink };

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/invite/:token', element: <InvitePage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/pairings', element: <DirectoryPage /> },
          { path: '/pairings/:id', element: <PairingPage parts={pairingParts} /> },
          { path: '/pairings/:pairingId/discussions/:channelId?', element: <DiscussionsPage /> },
          { path: '/plans/:planId', element: <PlanPage /> },
          { path: '/library', element: <LibraryPage /> },
          { path: '/library/new', element: <NewResourcePage /> },
          { path: '/library/trash', element: <TrashPage /> },
          { path: '/library/:id', element: <ResourcePage /> },
          { path: '/library/:id/edit', element: <EditResourcePage /> },
          { path: '/search', element: <SearchPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
