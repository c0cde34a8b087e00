import { expect, test } from '@playwright/test';
import { expectAccessible, signInAsMalagaCoordinator, signInWithDemoPicker } from './support';

test('the login page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('region', { name: 'Try a demo account' })).toBeVisible();
  await expectAccessible(page);
});

test('the home, directory and pairing pages have no serious accessibility violations', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await expect(page.getByRole('region', { name: 'The programme in numbers' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/pairings');
  await expect(
    page.getByRole('list', { name: 'Pairings found' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Málaga – Jingyue' }).click();
  await expect(page.getByRole('region', { name: 'Members' })).toBeVisible();
  await expectAccessible(page);

  // The invitation dialog too (a coordinator may invite).
  await page.getByRole('button', { name: 'Invite someone' }).click();
  await expect(page.getByRole('dialog', { name: 'Invite someone to this pairing' })).toBeVisible();
  await expectAccessible(page);
});

test("a programme officer's home, with its review queue, has no serious accessibility violations", async ({
  page,
}) => {
  await signInWithDemoPicker(page, 'officer', 'Programme staff', /Programme officer/);
  // The demo's plan from Austin waits there.
  await expect(
    page
      .getByRole('region', { name: 'Plans waiting for review' })
      .getByRole('article', { name: 'Local Action Plan — Austin' }),
  ).toContainText('Submitted');
  await expect(page.getByText('Review the cities’ Local Action Plans')).toBeVisible();
  // Where the programme's plans stand, every status shown: Austin's is the one submitted.
  const byStatus = page.getByRole('list', { name: 'All plans by status' });
  await expect(byStatus.getByRole('listitem')).toHaveCount(5);
  await expect(byStatus.getByRole('listitem').filter({ hasText: 'Submitted' })).toHaveText(
    /Submitted\s*1$/,
  );
  await expectAccessible(page);
});
