import { expect, test } from '@playwright/test';

test('sign-in error follows language', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Identifiant').fill('personne');
  await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const frenchError = await page.getByRole('alert').textContent();
  expect(frenchError).not.toBe('');

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).not.toHaveText(frenchError ?? '');

  await page.reload();
  await expect(page.getByLabel('Language')).toHaveValue('en');
});
