import { createBrowserRouter } from 'react-router';
import { InvitePage } from '../features/auth/InvitePage';
import { LoginPage } from '../features/auth/LoginPage';
import { DiscussionsPage } from '../features/discussions/DiscussionsPage';
import { HomePage } from '../features/home/HomePage';
import { DirectoryPage } from '../features/pairings/DirectoryPage';
import { PairingPage } from '../features/pairings/PairingPage';
import { PlanPage } from '../features/plans/PlanPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

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
          { path: '/pairings/:id', element: <PairingPage /> },
          { path: '/pairings/:pairingId/discussions/:channelId?', element: <DiscussionsPage /> },
          { path: '/plans/:planId', element: <PlanPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
