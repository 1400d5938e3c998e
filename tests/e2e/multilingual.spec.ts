/**
 * The language switcher in a real browser (issue 6). On a translated analysis it lands on the
 * translation; on an untranslated one, on the same kind of page (the topic) in that language, whose
 * "in other languages" note leads back; on a week with no analysis in a language, on that week's
 * page there, which links the week's untranslated analyses. Expectations come from content/. The
 * Russian search for an inflected form is in search.spec.ts ("languages").
 */
import { t } from '../../src/i18n/index.ts';
import { analyses, type ContentAnalysis } from './content';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const en = analyses('en');
const be = analyses('be');
const ru = analyses('ru');

/** The version of `a` in another language's list (same translation key), if any. */
function translationIn(list: readonly ContentAnalysis[], a: ContentAnalysis): ContentAnalysis | undefined {
  return a.translationKey ? list.find((x) => x.translationKey === a.translationKey) : undefined;
}

/** Clicks the language switcher's link to `lang` and waits for the page to load. */
async function switchTo(page: Page, lang: 'en' | 'be' | 'ru'): Promise<void> {
  await page.locator(`nav.lang-switch a[hreflang="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('switching language on a translated analysis lands on its translation', async ({ page }) => {
  const source = en.find((a) => translationIn(ru, a) && translationIn(be, a));
  const inRu = source && translationIn(ru, source);
  const inBe = source && translationIn(be, source);
  expect(source && inRu && inBe, 'an English analysis translated into both languages').toBeTruthy();
  if (!source || !inRu || !inBe) return;
  await page.goto(source.url);
  await switchTo(page, 'ru');
  await expect(page).toHaveURL(inRu.url);
  await expect(page.locator('h1')).toHaveText(inRu.title);
  await expect(page.locator('nav.lang-switch [aria-current]')).toHaveText(t('ru').languageName);
  await switchTo(page, 'be');
  await expect(page).toHaveURL(inBe.url);
  await expect(page.locator('h1')).toHaveText(inBe.title);
  await switchTo(page, 'en');
  await expect(page).toHaveURL(source.url);
});

test('switching language on an untranslated analysis lands on its topic in that language, which leads back', async ({ page }) => {
  const source = en.find((a) => a.topic && !translationIn(be, a));
  expect(source, 'an English analysis with a topic and no Belarusian version').toBeDefined();
  if (!source?.topic) return;
  await page.goto(source.url);
  await switchTo(page, 'be');
  await expect(page).toHaveURL(`/be/topics/${source.topic}/`);
  // The Belarusian topic page points to the English version of itself, with its count.
  const note = page.locator('.other-languages');
  await expect(note).toContainText(`${t('be').alsoIn}: ${t('en').languageName} (`);
  await note.locator('a[hreflang="en"]').click();
  await expect(page).toHaveURL(`/topics/${source.topic}/`);
  await expect(page.locator(`.card-title a[href="${source.url}"]`)).toBeVisible();
});

test('switching language on a week with no analysis in that language lands on that week, which lists the analyses', async ({ page }) => {
  const beWeeks = new Set(be.filter((a) => a.kind === 'weekly').map((a) => a.date));
  const source = en.find((a) => a.kind === 'weekly' && !beWeeks.has(a.date));
  expect(source, 'an English weekly analysis of a week with no Belarusian analysis').toBeDefined();
  if (!source) return;
  await page.goto(`/weeks/${source.date}/`);
  await switchTo(page, 'be');
  await expect(page).toHaveURL(`/be/weeks/${source.date}/`);
  await expect(page.locator('main')).toContainText(t('be').weekElsewhere.empty);
  const section = page.locator('section.week-elsewhere');
  await expect(section.locator('h2')).toHaveText(t('be').weekElsewhere.heading);
  const link = section.locator(`a[href="${source.url}"]`);
  await expect(link).toHaveAttribute('hreflang', 'en');
  await expect(link).toHaveAttribute('lang', 'en');
  await expect(link).toHaveText(source.title);
  await link.click();
  await expect(page).toHaveURL(source.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
