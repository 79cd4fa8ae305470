import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ROUTES } from '../../src/i18n/routes';
import { IMAGES } from '../support/paths';
import { expect, test } from './fixtures';

const FR = ROUTES.profile.fr;
const EN = ROUTES.profile.en;

test.use({ timezoneId: 'Europe/Paris', locale: 'fr-FR' });

const finding = (page: Page, id: string) => page.locator(`[data-finding="${id}"]`);

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.profile-tool[data-ready="true"]')).toBeVisible();
}

async function choose(page: Page, file: string, label: RegExp): Promise<void> {
  await page.getByLabel(label).setInputFiles(join(IMAGES, file));
  await expect(finding(page, 'photo.device')).toBeVisible();
}

test('lists the browser’s real time zone and language, in French', async ({ page, privacy }) => {
  await open(page, FR);
  // The place data loads only when a photo with a location is read.
  expect(privacy.requests.filter((u) => /place-data|\/cities\//.test(u))).toEqual([]);
  await expect(finding(page, 'browser.timeZone')).toContainText('Europe/Paris');
  await expect(finding(page, 'browser.timeZone')).toContainText('Parce que le fuseau horaire de votre navigateur est Europe/Paris');
  await expect(finding(page, 'browser.languages')).toContainText('fr-FR');
  await expect(finding(page, 'browser.rarity')).toContainText('Estimation');
  await expect(page.getByText('Pas encore de photo')).toBeVisible();
  await expect(page.getByText('SIMULATION', { exact: false }).first()).toBeVisible();
});

const HEMISPHERES = [
  // file, expected country (fr, en), nearest town (from the geo module's own unit test), date (fr, en), device
  ['ianare__DSCN0010.jpg', 'Italie', 'Italy', 'Arezzo', '22 octobre 2008', '22 October 2008', 'NIKON COOLPIX P6000'],
  ['exifr__iptc-agency-photographer-example.jpg', 'États-Unis', 'United States', 'Washington, D.C.', '24 juin 2009', '24 June 2009', 'NIKON D2X'],
  ['ianare__Kodak_CX7530.jpg', 'Kenya', 'Kenya', 'Nakuru', '13 août 2005', '13 August 2005', 'KODAK CX7530'],
  ['synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg', 'Brésil', 'Brazil', 'Rio de Janeiro', '5 août 2012', '5 August 2012', 'SONY DSLR-A550'],
] as const;

for (const [file, countryFr, countryEn, town, dateFr, dateEn, device] of HEMISPHERES) {
  test(`${file}: names ${town}, the date and the device, in both languages`, async ({ page }) => {
    await open(page, FR);
    await choose(page, file, /Choisir une photo/);
    await expect(finding(page, 'photo.place')).toContainText(town);
    await expect(finding(page, 'photo.place')).toContainText(countryFr);
    await expect(finding(page, 'photo.place')).toContainText('les coordonnées GPS de la photo disent');
    await expect(finding(page, 'photo.taken')).toContainText(dateFr);
    await expect(finding(page, 'photo.device')).toContainText(device);
    await open(page, EN);
    await choose(page, file, /Choose a photo/);
    await expect(finding(page, 'photo.place')).toContainText(town);
    await expect(finding(page, 'photo.place')).toContainText(countryEn);
    await expect(finding(page, 'photo.taken')).toContainText(dateEn);
    await expect(finding(page, 'browser.timeZone')).toContainText('Europe/Paris');
  });
}

test('the sample photo: Lyon, France, at home in the browser’s time zone', async ({ page, privacy }) => {
  await open(page, EN);
  await page.getByRole('button', { name: 'Use the sample photo' }).click();
  await expect(finding(page, 'photo.place')).toContainText('Lyon');
  await expect(finding(page, 'photo.place')).toContainText('France');
  expect(privacy.requests.some((u) => u.includes('place-data'))).toBe(true);
  await expect(finding(page, 'photo.zone')).toContainText('Europe/Paris');
  // Same time zone as the browser (Europe/Paris): the dossier guesses home or work.
  await expect(finding(page, 'photo.home')).toContainText('Likely home or work area');
  await expect(finding(page, 'photo.device')).toContainText('iPhone 14');
  await expect(finding(page, 'photo.price')).toContainText('premium');
  await expect(finding(page, 'photo.taken')).toContainText('5 April 2025');
});

test('a photo the inspector read in this tab is picked up without a new upload', async ({ page }) => {
  await page.goto(EN);
  const summary = {
    format: 'jpeg',
    gps: { lat: 43.467448, lon: 11.885127 },
    takenAt: '2008-10-22T16:28:39',
    make: 'NIKON',
    model: 'COOLPIX P6000',
    hasSerial: false,
    people: [],
    hasThumbnail: true,
    isSample: false,
  };
  await page.evaluate((s) => sessionStorage.setItem('bya.lastPhoto.v1', JSON.stringify(s)), summary);
  await open(page, EN);
  await expect(page.getByText('Photo taken from the inspector')).toBeVisible();
  await expect(finding(page, 'photo.place')).toContainText('Arezzo');
});

test('a photo without metadata and a file that is not a photo are explained', async ({ page }) => {
  await open(page, EN);
  await page.getByLabel(/Choose a photo/).setInputFiles(join(IMAGES, 'exifr__noexif.jpg'));
  await expect(page.getByText('This photo carries no location, date or device')).toBeVisible();
  await expect(page.locator('[data-finding^="photo."]')).toHaveCount(0);
  await expect(finding(page, 'browser.timeZone')).toBeVisible();
  await page.getByLabel(/Choose a photo/).setInputFiles(join(IMAGES, 'synthetic__html_page_named.jpg'));
  await expect(page.getByRole('alert')).toContainText('could not be read as a photo');
});

test('behaviour and visual content add findings that name their source', async ({ page }) => {
  await open(page, EN);
  await page.getByLabel('Prompts you might write (one per line)').fill('My doctor at the hospital\nA card for my daughter at school');
  await page.getByLabel('How often do you use an AI tool?').selectOption('daily');
  await page.getByLabel('Mostly when?').selectOption('night');
  await expect(finding(page, 'behaviour.theme.health')).toContainText('1 of your prompts contain words like');
  await expect(finding(page, 'behaviour.theme.children')).toBeVisible();
  await expect(finding(page, 'behaviour.routine')).toContainText('Night owl');
  await expect(finding(page, 'behaviour.frequency')).toContainText('365');
  await page.getByRole('button', { name: /Add: Turn me into an action figure/ }).click();
  await expect(finding(page, 'behaviour.theme.work')).toBeVisible();
  await page.getByLabel('My face', { exact: true }).check();
  await page.getByLabel('Children', { exact: true }).check();
  await expect(finding(page, 'visual.face')).toContainText('you ticked “my face”');
  await expect(finding(page, 'visual.children')).toContainText('cannot consent');
  await expect(finding(page, 'visual.face').getByRole('link')).toHaveAttribute('href', '/en/course/07-habits/#avatar');
});

test('the toggles shrink the profile as stated, with the count and the chart', async ({ page }) => {
  await open(page, EN);
  await choose(page, 'ianare__DSCN0010.jpg', /Choose a photo/);
  await page.getByLabel('Prompts you might write (one per line)').fill('My doctor at the hospital');
  await page.getByLabel('How often do you use an AI tool?').selectOption('daily');
  await page.getByLabel('My face', { exact: true }).check();
  await page.getByLabel('Other people', { exact: true }).check();
  const count = page.locator('.profile-count');
  const total = Number(await count.getAttribute('data-count'));
  expect(total).toBeGreaterThan(10);
  await expect(page.locator('[data-training]')).toHaveAttribute('data-training', '3');

  await page.getByLabel(/after cleaning the photo/).check();
  await expect(page.locator('[data-finding^="photo."]')).toHaveCount(0);
  await expect(finding(page, 'browser.timeZone')).toBeVisible();
  const afterClean = Number(await count.getAttribute('data-count'));
  expect(afterClean).toBeLessThan(total);
  await expect(count).toContainText(`${afterClean} finding(s) of ${total} before your choices`);
  await expect(page.locator('.profile-chart [data-category="time"]')).toHaveAttribute('data-count', '0');
  await expect(page.locator('.profile-chart [data-category="time"]')).toContainText('Date: 0 of 1');

  await page.getByLabel(/in a temporary chat/).check();
  await expect(finding(page, 'behaviour.frequency')).toHaveCount(0);
  await expect(finding(page, 'behaviour.memory')).toHaveCount(0);
  await expect(finding(page, 'behaviour.theme.health')).toBeVisible();
  await expect(page.getByText('Nothing in this dossier would feed training any more.')).toBeVisible();
  await page.getByLabel(/in a temporary chat/).uncheck();

  await page.getByLabel(/with training turned off/).check();
  await expect(finding(page, 'visual.face')).toContainText('no longer feeds training');
  await expect(page.locator('[data-training]')).toHaveAttribute('data-training', '0');

  await page.getByLabel(/using an avatar/).check();
  await expect(finding(page, 'visual.face')).toHaveCount(0);
  await page.getByLabel(/plain background/).check();
  await expect(finding(page, 'visual.others')).toHaveCount(0);
  await page.getByText(/Removed by your choices/).click();
  await expect(page.locator('[data-removed="visual.face"]')).toBeVisible();
});

test('keyboard only: choose the sample, tick a box, switch a toggle', async ({ page }) => {
  await open(page, EN);
  await page.getByRole('button', { name: 'Use the sample photo' }).focus();
  await page.keyboard.press('Enter');
  await expect(finding(page, 'photo.place')).toContainText('Lyon');
  await page.getByLabel('My face', { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(finding(page, 'visual.face')).toBeVisible();
  await page.getByLabel(/after cleaning the photo/).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-finding^="photo."]')).toHaveCount(0);
  await expect(page.getByLabel(/after cleaning the photo/)).toBeFocused();
});

test('saving the dossier creates a file in the page; nothing is sent', async ({ page }) => {
  await open(page, EN);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as .txt' }).click()]);
  expect(download.suggestedFilename()).toBe('simulated-dossier.txt');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('SIMULATION');
  expect(text).toContain('Europe/Paris');
  await expect(page.getByText('File simulated-dossier.txt created on your device.')).toBeVisible();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as .json' }).click()]);
  expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toMatchObject({ findings: expect.any(Array) });
});

test('without JavaScript the page explains what the tool would do', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await page.goto(EN);
  await expect(page.getByText('the photo’s metadata (GPS location, date, device, names);')).toBeVisible();
  await expect(page.getByText('SIMULATION. Everything happens in this page')).toBeVisible();
  await expect(page.locator('.profile-tool')).toHaveCount(0);
  // Chromium with scripting disabled by DevTools still parses <noscript> as if scripts ran, so read the served HTML.
  const html = await (await page.request.get(EN)).text();
  expect(html).toMatch(/<noscript><p class="callout">JavaScript is off: the tool cannot read your photo/);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of [FR, EN]) {
    test(`axe: no violations on ${path} in ${colorScheme} mode, with a full dossier`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, path);
      await page.locator('.profile-photo-controls .button').first().click();
      await expect(finding(page, 'photo.place')).toBeVisible();
      await page.locator('.profile-checklist input').first().check();
      await page.locator('.profile-toggles input').first().check();
      await page.locator('.profile-removed summary').click();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

for (const path of ['/cours/03-device/', '/en/course/04-behaviour/']) {
  test(`embedded in the lesson ${path}: works, links to real anchors, no axe violations`, async ({ page }) => {
    await open(page, path);
    await expect(finding(page, 'browser.timeZone')).toContainText('Europe/Paris');
    const href = await finding(page, 'browser.timeZone').getByRole('link').getAttribute('href');
    expect(href).toMatch(/\/03-device\/#browser-data$/);
    await page.goto(href ?? '/');
    await expect(page.locator('#browser-data')).toHaveCount(1);
    await open(page, path);
    const results = await new AxeBuilder({ page }).include('.profile').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
}
