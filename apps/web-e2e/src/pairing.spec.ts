import { expect, test } from '@playwright/test';
import { demoAccounts, signInAsMalagaCoordinator, signInWithDemoPicker } from './support';

test('a coordinator signs in from the demo picker, finds Málaga – Jingyue and sees both cities', async ({
  page,
  request,
}) => {
  await signInAsMalagaCoordinator(page);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, .*Málaga/ })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Your pairings' })
      .getByRole('link', { name: 'Málaga – Jingyue' }),
  ).toBeVisible();

  // The directory, searched without the accent.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pairings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pairings' })).toBeFocused();
  const count = page.getByRole('status').filter({ hasText: /found$/ });
  await expect(count).toHaveText(/^\d+ pairings found$/);
  await page.getByRole('searchbox', { name: 'Search' }).fill('malaga');
  await expect(count).toHaveText('1 pairing found');
  await expect(page).toHaveURL(/[?&]text=malaga/);
  const results = page.getByRole('list', { name: 'Pairings found' });
  await expect(results.getByRole('article')).toHaveCount(1);
  await results.getByRole('link', { name: 'Málaga – Jingyue' }).click();

  // The pairing: both sides, side by side.
  await expect(page.getByRole('heading', { level: 1, name: 'Málaga – Jingyue' })).toBeFocused();
  await expect(page).toHaveTitle(/^Málaga – Jingyue · /);
  const cities = page.getByRole('region', { name: 'Cities' });
  const eu = cities.getByRole('region', { name: 'EU side' });
  const partner = cities.getByRole('region', { name: 'Partner side' });
  await expect(eu.getByRole('heading', { name: 'Málaga' })).toBeVisible();
  await expect(eu).toContainText('Spain');
  await expect(eu).toContainText('569,000');
  await expect(partner.getByRole('heading', { name: 'Jingyue' })).toBeVisible();
  await expect(partner).toContainText('净月');
  await expect(partner).toContainText('in Changchun');
  await expect(partner).toContainText('China');

  // Both local times, and how far apart they are.
  const time = page.getByRole('region', { name: 'Local time' });
  await expect(time.getByText('Local time in Málaga', { exact: true })).toBeVisible();
  await expect(time.getByText('Local time in Jingyue', { exact: true })).toBeVisible();
  await expect(time.locator('time')).toHaveCount(2);
  for (const clock of await time.locator('time').all())
    await expect(clock).toHaveText(/\d{1,2}:\d{2}/);
  await expect(time).toContainText(/Local time in Jingyue is \d+ hours ahead of Málaga\./);

  await expect(page.getByRole('region', { name: 'Term' })).toContainText('18 months');

  // Every demo member of this pairing is listed; a member sees the others' emails.
  const pairingId = new URL(page.url()).pathname.split('/').pop()!;
  const members = page.getByRole('region', { name: 'Members' });
  const expected = (await demoAccounts(request)).filter((a) => a.pairingIds.includes(pairingId));
  expect(expected.length).toBeGreaterThanOrEqual(3);
  for (const account of expected) {
    await expect(members.getByText(account.name, { exact: true })).toBeVisible();
    await expect(members.getByRole('link', { name: account.email })).toBeVisible();
  }
  await expect(members.getByRole('region', { name: 'EU side' })).toContainText('Coordinator');
  await expect(members.getByRole('region', { name: 'Partner side' })).toContainText('Coordinator');
});

test('home takes a member straight to their own city plan and to the discussions', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  const card = page.getByRole('region', { name: 'Your pairings' }).getByRole('article');
  // Her own city's plan only, with its status; the partner's plan is one click further.
  await expect(
    card.getByRole('link', { name: /^Local Action Plan — Málaga.*Draft/ }),
  ).toBeVisible();
  await expect(card.getByRole('link', { name: /Local Action Plan — Jingyue/ })).toHaveCount(0);
  await expect(card.getByRole('link', { name: /^Discussions/ })).toHaveAttribute(
    'href',
    /\/pairings\/[0-9a-f-]+\/discussions$/,
  );
  await card.getByRole('link', { name: /^Local Action Plan — Málaga/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Local Action Plan — Málaga' }),
  ).toBeVisible();

  // A stakeholder of the whole pairing reads both cities' plans.
  await page.context().clearCookies();
  await signInWithDemoPicker(
    page,
    'Stakeholder',
    'Málaga – Jingyue',
    /Stakeholder \(Málaga – Jingyue\)/,
  );
  const stakeholderCard = page.getByRole('region', { name: 'Your pairings' }).getByRole('article');
  await expect(stakeholderCard.getByRole('link', { name: /^Local Action Plan — / })).toHaveCount(2);
});

test('home says so when a pairing card cannot load its plans, and loads them on retry', async ({
  page,
}) => {
  // The plans endpoint fails (as during a deploy) until the person retries.
  let failing = true;
  await page.route('**/api/pairings/*/plans', (route) =>
    failing
      ? route.fulfill({ status: 503, json: { statusCode: 503, message: 'Service Unavailable' } })
      : route.continue(),
  );
  await signInAsMalagaCoordinator(page);
  const card = page.getByRole('region', { name: 'Your pairings' }).getByRole('article');
  const alert = card.getByRole('alert');
  // The client retries server errors twice (1 s and 2 s apart) before it gives up.
  await expect(alert).toContainText('The plans could not be loaded.', { timeout: 10_000 });
  await expect(card.getByRole('link', { name: /^Discussions/ })).toBeVisible();
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(card.getByRole('link', { name: /^Local Action Plan — Málaga/ })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
