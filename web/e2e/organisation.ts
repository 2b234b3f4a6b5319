import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { ADMIN_PASSWORD, baseUrl, USER_PASSWORD } from './environment';

export interface Person {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
}

export interface Organisation {
  entityId: number;
  nurse: Person;
  otherNurse: Person;
  technicianN1: Person;
  technicianN2: Person;
  /** Head of the IT department, with the Superviseur profile: statistics and the audit trail. */
  manager: Person;
  groupN2: { id: number; name: string };
}

/** An API session: its request context and the CSRF token every change must carry. */
export interface ApiSession {
  context: APIRequestContext;
  csrf: string;
}

export async function apiSignIn(login: string, password: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { 'accept-language': 'fr' } });
  const response = await context.post('/api/v1/auth/login', { data: { login, password } });
  expect(response.status(), `sign-in of ${login}`).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { context, csrf: body.csrfToken };
}

export async function apiCall<T>(session: ApiSession, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown): Promise<T> {
  const response = await session.context.fetch(`/api/v1${url}`, { method, headers: { 'x-csrf-token': session.csrf }, ...(data === undefined ? {} : { data }) });
  expect(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

async function createPerson(admin: ApiSession, entityId: number, profileId: number, person: Omit<Person, 'id'> & { jobProfile: string }): Promise<Person> {
  const created = await apiCall<{ id: number }>(admin, 'POST', '/users', { ...person, entityId, password: USER_PASSWORD });
  await apiCall(admin, 'PUT', `/users/${created.id}/entities`, [{ entityId, profileId, isRecursive: false }]);
  return { id: created.id, login: person.login, firstName: person.firstName, lastName: person.lastName };
}

/**
 * Builds, through the admin API, a hospital entity with two Self-Service nurses, an N1 and an N2
 * technician, a manager with the Superviseur profile, and an N2 support group holding the N2 technician. The suffix, appended to every
 * name and login, lets the organisation be built again on the same database.
 */
export async function createOrganisation(suffix = ''): Promise<Organisation> {
  const admin = await apiSignIn('admin', ADMIN_PASSWORD);
  const entities = await apiCall<{ items: { id: number; parentId: number | null }[] }>(admin, 'GET', '/entities');
  const root = entities.items.find((entity) => entity.parentId === null);
  if (root === undefined) throw new Error('no root entity');
  const entity = await apiCall<{ id: number }>(admin, 'POST', '/entities', { parentId: root.id, name: `CH Les Tilleuls${suffix}`, type: 'hospital' });

  const profiles = await apiCall<{ items: { id: number; name: string }[] }>(admin, 'GET', '/profiles');
  const profileId = (name: string) => {
    const profile = profiles.items.find((item) => item.name === name);
    if (profile === undefined) throw new Error(`profile ${name} missing`);
    return profile.id;
  };

  const nurse = await createPerson(admin, entity.id, profileId('Self-Service'), { login: `infirmiere${suffix}`, firstName: 'Inès', lastName: 'Moreau', jobProfile: 'infirmier' });
  const otherNurse = await createPerson(admin, entity.id, profileId('Self-Service'), { login: `aide.soignant${suffix}`, firstName: 'Paul', lastName: 'Girard', jobProfile: 'autre' });
  const technicianN1 = await createPerson(admin, entity.id, profileId('Technicien'), { login: `tech.n1${suffix}`, firstName: 'Nadia', lastName: 'Petit', jobProfile: 'technicien' });
  const technicianN2 = await createPerson(admin, entity.id, profileId('Technicien'), { login: `tech.n2${suffix}`, firstName: 'Hugo', lastName: 'Lefebvre', jobProfile: 'technicien' });
  const manager = await createPerson(admin, entity.id, profileId('Superviseur'), { login: `resp.dsi${suffix}`, firstName: 'Sophie', lastName: 'Bernard', jobProfile: 'administratif' });

  const group = await apiCall<{ id: number; name: string }>(admin, 'POST', '/groups', { entityId: entity.id, name: `Support N2${suffix}`, isSupport: true, level: 'N2' });
  await apiCall(admin, 'PUT', `/groups/${group.id}/members`, [{ userId: technicianN2.id }]);
  await admin.context.dispose();

  return { entityId: entity.id, nurse, otherNurse, technicianN1, technicianN2, manager, groupN2: { id: group.id, name: group.name } };
}

/** Opens the web app in `page` with the session of an API sign-in, skipping the sign-in page, so that a spec signs each user in once. */
export async function openWithSession(page: Page, session: ApiSession, path = '/'): Promise<void> {
  const state = await session.context.storageState();
  await page.context().addCookies(state.cookies);
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

/** Signs in through the web app's sign-in page. */
export async function signInUi(page: Page, login: string, password = USER_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}
