import { expect, test, type Page } from '@playwright/test';

// The server's PUBLIC_URL is http://localhost:PORT (see scripts/start-server.mjs).
const port = Number(process.env.E2E_PORT ?? 3100);

async function pickMalagaCoordinator(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Find a demo account' }).fill('Málaga');
  await page
    .getByRole('region', { name: 'Málaga – Jingyue' })
    .getByRole('button', { name: /Málaga.*Coordinator/ })
    .click();
}

test('opened at another address of the same server (http://127.0.0.1:PORT), the demo picker signs in', async ({
  page,
}) => {
  await page.goto(`http://127.0.0.1:${port}/login`);
  await pickMalagaCoordinator(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);
});

test('a sign-in the server refuses for its page address says what to set, not "not allowed"', async ({
  page,
}) => {
  // As if the page were served from an address the server does not know (a proxy not yet
  // configured): the real request reaches the real API with that Origin (a browser will not let a
  // page change it, so Playwright sends it), and the page gets the API's real answer.
  await page.route('**/api/auth/login', async (route) => {
    const response = await route.fetch({
      headers: { ...route.request().headers(), origin: 'http://intranet.example' },
    });
    await route.fulfill({ response });
  });
  await page.goto('/login');
  await pickMalagaCoordinator(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('PUBLIC_URL');
  await expect(alert).toContainText('ALLOWED_ORIGINS');
  await expect(alert).toContainText(`http://localhost:${port}`);
  await expect(alert).not.toContainText('You are not allowed to do this');
});
