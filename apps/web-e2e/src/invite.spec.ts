import { expect, test, type APIRequestContext } from '@playwright/test';
import type { OutboxMailDto, PairingSummaryDto } from '@iuc/domain';
import {
  DEMO_PASSWORD,
  demoAccounts,
  expectAccessible,
  signInAsMalagaCoordinator,
} from './support';

/** Signs the demo admin in over the API: a bearer token for the calls below. */
async function adminToken(request: APIRequestContext): Promise<string> {
  const admin = (await demoAccounts(request)).find((a) => a.role === 'admin')!;
  const login = await request.post('/api/auth/login', {
    data: { email: admin.email, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  return ((await login.json()) as { token: string }).token;
}

/** The link in the newest invitation mail to `email`; with no SMTP the admin reads the outbox. */
async function invitationLink(request: APIRequestContext, token: string, email: string) {
  const outbox = (await (
    await request.get('/api/admin/outbox', { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as OutboxMailDto[];
  const link = outbox.find((m) => m.to === email)?.text.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();
  return new URL(link!).pathname;
}

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
  // A city invites to its own side only.
  await expect(dialog.getByRole('combobox', { name: 'City' }).locator('option')).toHaveText([
    'Málaga',
  ]);
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

test('an existing account signs in first, then confirms an invitation that lowers its role', async ({
  page,
  request,
  playwright,
}, testInfo) => {
  test.slow(); // an account made, two invitations, a sign-in and an accessibility scan
  const email = `e2e.member.${Date.now()}@example.org`;
  const password = 'correct horse battery';
  const token = await adminToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const pairings = (await (
    await request.get('/api/pairings?text=malaga', { headers: auth })
  ).json()) as PairingSummaryDto[];
  const pairing = pairings.find((p) => p.title === 'Málaga – Jingyue')!;
  const detail = (await (
    await request.get(`/api/pairings/${pairing.id}`, { headers: auth })
  ).json()) as {
    sides: { authorities: { id: string; name: string }[] }[];
  };
  const malaga = detail.sides.flatMap((s) => s.authorities).find((a) => a.name === 'Málaga')!;
  const invite = (role: string) =>
    request.post(`/api/pairings/${pairing.id}/invitations`, {
      headers: auth,
      data: { email, name: 'Mia Member', role, authorityId: malaga.id },
    });

  // An editor for Málaga already (accepted over the API, which made the account)…
  expect((await invite('editor')).ok()).toBe(true);
  const first = (await invitationLink(request, token, email)).split('/').pop()!;
  // (In a request context of its own: accepting sets that context's session cookie.)
  const newcomer = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const made = await newcomer.post('/api/invitations/accept', { data: { token: first, password } });
  expect(made.ok()).toBe(true);
  await newcomer.dispose();
  // …is invited again, as a viewer.
  expect((await invite('viewer')).ok()).toBe(true);
  const link = await invitationLink(request, token, email);

  // Signed out, the link signs no one in: it asks to sign in first, and comes back.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in to accept' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept the invitation' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign in to accept' }).click();
  await expect(page.getByText('Sign in to accept your invitation')).toBeVisible();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${link}$`));

  // The change is spelt out, and accepting it says so.
  await expect(
    page.getByText('You are Editor for Málaga; this invitation makes you Viewer for Málaga.'),
  ).toBeVisible();
  await expect(page.getByText('This changes your role')).toBeVisible();
  const confirm = page.getByRole('button', { name: 'Accept and change my role' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: testInfo.outputPath(`invite-confirm-${width}.png`),
      fullPage: true,
    });
  }

  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Málaga – Jingyue' })).toBeVisible();
  const member = page.getByRole('region', { name: 'Members' }).getByText('Mia Member');
  await expect(member).toBeVisible();
});
