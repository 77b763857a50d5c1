import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordSpeech, shot } from './app-page.ts';
import { launch } from './chromium.ts';

// Settings → Voice and Speech, as a person sets them up before a workout two metres from the
// screen: the voices offered are the device's English ones only (the platform's speech engine is
// stood in for by `recordSpeech`: two voices on the device, one on a server), the choice is heard
// with "Say a test line", and remembered.

const openSettings = (page: Page) => page.locator('summary', { hasText: 'Settings' }).click();

const lastSpoken = (page: Page) =>
  page.evaluate(() =>
    (globalThis as { spoken?: { text: string; voice?: string; rate: number }[] }).spoken?.at(-1),
  );

describe('the voice the feedback is said in', () => {
  it('offers the voices on this device only, says a test line in the one picked, and keeps it', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript(recordSpeech);
      await page.goto(inject('baseUrl'));
      await openSettings(page);
      const voices = page.locator('#voice-select');
      expect(await voices.locator('option').allTextContents()).toEqual([
        'Test voice (en-US)',
        'Second voice (en-GB)',
      ]);
      expect(await voices.inputValue()).toBe('test');
      await page.click('#voice-test');
      expect(await lastSpoken(page)).toEqual({
        text: 'Five. Knees out.',
        voice: 'Test voice',
        rate: 1.1,
      });

      await voices.selectOption('second');
      await page.locator('#rate-select').selectOption('slower');
      await shot(page, 'voice-settings');
      await page.click('#voice-test');
      expect(await lastSpoken(page)).toEqual({
        text: 'Five. Knees out.',
        voice: 'Second voice',
        rate: 0.9,
      });

      // Remembered across a reload.
      await page.reload();
      await openSettings(page);
      expect(await voices.inputValue()).toBe('second');
      expect(await page.locator('#rate-select').inputValue()).toBe('slower');
      await page.click('#voice-test');
      expect(await lastSpoken(page)).toEqual({
        text: 'Five. Knees out.',
        voice: 'Second voice',
        rate: 0.9,
      });
    } finally {
      await context.close();
    }
  });

  it('says there is none when the device has no voice, and offers no test', async () => {
    // This headless Chromium has no voices of its own.
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await openSettings(page);
      const voices = page.locator('#voice-select');
      expect(await voices.locator('option').allTextContents()).toEqual(['none on this device']);
      expect(await voices.isDisabled()).toBe(true);
      expect(await page.locator('#voice-test').isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
