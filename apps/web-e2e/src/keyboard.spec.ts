import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoAccounts, expectAccessible } from './support';

test('signing in and out with the keyboard only', async ({ page, request }) => {
  const officer = (await demoAccounts(request)).find((a) => a.role === 'officer')!;
  await page.goto('/login');

  // The first Tab reaches the skip link, which leads straight to the form.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeFocused();

  await page.keyboard.type(officer.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: false }).first()).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');

  // Focus lands on the new page's heading.
  const heading = page.getByRole('heading', { level: 1, name: /^Welcome, / });
  await expect(heading).toBeFocused();

  // Back through the header to the account menu, and sign out from it.
  await page.keyboard.press('Shift+Tab');
  const menuButton = page.getByRole('button', {
    name: new RegExp(officer.name.replace(/[()]/g, '\\$&')),
  });
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  const signOut = page.getByRole('menuitem', { name: 'Sign out' });
  await expect(signOut).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused();
});

test('a wrong password is announced and keeps the form usable', async ({ page, request }) => {
  const viewer = (await demoAccounts(request)).find((a) => a.role === 'viewer')!;
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(viewer.email);
  await page.getByLabel('Password', { exact: false }).first().fill('not-the-password');
  await page.getByRole('textbox', { name: 'Email' }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
  await expect(page).toHaveURL(/\/login$/);
});

test('the empty form says what is missing, next to each field', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    'Enter your email address.',
  );
  await expectAccessible(page); // error text must keep its contrast too
});
