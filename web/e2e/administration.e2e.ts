import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './environment';
import { createOrganisation, type Organisation, signInUi } from './organisation';

let org: Organisation;

test.beforeAll(async () => {
  org = await createOrganisation(`.admin${Date.now().toString(36)}`);
});

test('administration hidden from technicians', async ({ page }) => {
  await signInUi(page, org.technicianN1.login);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin/entities');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});

test('service form shows field errors', async ({ page }) => {
  await signInUi(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Services' }).click();
  await page.getByRole('button', { name: 'Créer un service' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Créer un service' }) });
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.locator('.field-invalid')).not.toHaveCount(0);

  const name = `Pharmacie ${Date.now().toString(36)}`;
  await form.getByLabel('Nom').fill(name);
  await form.getByLabel('Entité').selectOption({ value: String(org.entityId) });
  await form.getByLabel('Criticité').selectOption('high');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(`« ${name} » est enregistré.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Haute');
});

test('priority matrix saved', async ({ page }) => {
  await signInUi(page, 'admin', ADMIN_PASSWORD);
  await page.goto('/admin/priority-matrix');
  const cell = page.getByLabel("Priorité pour l'urgence Très basse et l'impact Très bas");
  await expect(cell).toHaveValue('1');
  await cell.selectOption('2');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Priorité pour l'urgence Très basse et l'impact Très bas")).toHaveValue('2');
  await page.getByLabel("Priorité pour l'urgence Très basse et l'impact Très bas").selectOption('1');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées.')).toBeVisible();
});
