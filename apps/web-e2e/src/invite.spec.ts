import { expect, test } from '@playwright/test';
import type { OutboxMailDto } from '@iuc/domain';
import { DEMO_PASSWORD, demoAccounts, signInAsMalagaCoordinator } from './support';

test('a coordinator invites an editor, who accepts and lands in the pairing', async ({
  page,
  browser,
  request,
}) => {
  const invitee = { email: `e2e.editor.${Date.now()}@example.org`, name: 'Elena Editor' };
  await signInAsMalagaCoordinator(page);
  await page.goto('/pairings?text=malaga');
  await page.getByRole('link', { name: 'Málaga – Jingyue' }).click();
  const pairingUrl = page.url();

  await page.getByRole('button', { name: 'Invite someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite someone to this pairing' });
  await expect(dialog.getByRole('textbox', { name: 'Email address' })).toBeFocused();
  // A coordinator may hand out only the roles below their own.
  const roles = dialog.getByRole('combobox', { name: 'Role' });
  await expect(roles.locator('option')).toHaveText(['Editor', 'Viewer']);
  await dialog.getByRole('textbox', { name: 'Email address' }).fill(invitee.email);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(invitee.name);
  await roles.selectOption('editor');
  await expect(dialog.getByRole('combobox', { name: 'City' })).toHaveValue(/.+/); // their own city
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Invitation sent to ${invitee.email}.` }),
  ).toBeVisible();

  // The link goes out by mail; with no SMTP configured the admin reads it from the outbox.
  const admin = (await demoAccounts(request)).find((a) => a.role === 'admin')!;
  const login = await request.post('/api/auth/login', {
    data: { email: admin.email, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const outbox = (await (
    await request.get('/api/admin/outbox', { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as OutboxMailDto[];
  const mail = outbox.find((m) => m.to === invitee.email);
  const link = mail?.text.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(new URL(link!).pathname);
  await expect(guest.getByRole('heading', { level: 1, name: 'You are invited' })).toBeVisible();
  await expect(
    guest.getByText(/invited to join the pairing Málaga – Jingyue as Editor/),
  ).toBeVisible();
  await guest.getByLabel('Choose a password', { exact: false }).fill('correct horse battery');
  await guest.getByLabel('Repeat the password', { exact: false }).fill('correct horse battery');
  await guest.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Málaga – Jingyue' })).toBeVisible();
  expect(guest.url()).toBe(pairingUrl);
  await expect(
    guest.getByRole('region', { name: 'Members' }).getByText(invitee.name),
  ).toBeVisible();
  await context.close();
});
