/** Helpers shared by the specs: demo sign-in, demo accounts, and the accessibility check. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { DemoAccountDto } from '@iuc/domain';

export const DEMO_PASSWORD = process.env.IUC_DEMO_PASSWORD ?? 'demo';

export async function demoAccounts(request: APIRequestContext): Promise<DemoAccountDto[]> {
  const res = await request.get('/api/demo/accounts');
  expect(res.ok(), 'the e2e server runs in demo mode').toBe(true);
  return (await res.json()) as DemoAccountDto[];
}

/**
 * Signs in through the login page's demo picker: searches for `search`, then clicks the account
 * button whose name matches `account` inside the group headed `group`.
 */
export async function signInWithDemoPicker(
  page: Page,
  search: string,
  group: string | RegExp,
  account: RegExp,
): Promise<void> {
  await page.goto('/login');
  await page.getByRole('searchbox', { name: 'Find a demo account' }).fill(search);
  await page.getByRole('region', { name: group }).getByRole('button', { name: account }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Málaga's coordinator: the account most specs act as. */
export function signInAsMalagaCoordinator(page: Page): Promise<void> {
  return signInWithDemoPicker(page, 'Málaga', 'Málaga – Jingyue', /Málaga.*Coordinator/);
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}
