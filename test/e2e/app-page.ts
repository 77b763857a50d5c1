import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { ARTIFACTS, launch, makeY4mFromPhotos } from './chromium.ts';

/** Keeps a screenshot as a test artifact (look at them: a person should understand each screen). */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/**
 * The app in a fresh Chromium whose webcam is real photos of a person, each shown for its seconds
 * in turn (looping), at `fps` frames a second, with what the page says recorded (`saidSoFar`) and
 * the camera tracks it opens watched (`liveCameraTracks`).
 */
export async function openWithPhotosAsWebcam(
  photos: readonly { readonly path: string; readonly seconds: number }[],
  name: string,
  fps = 10,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launch({ fakeCamera: await makeY4mFromPhotos(photos, name, fps) });
  const page = await context.newPage();
  await page.addInitScript(recordSpeech);
  await page.addInitScript(watchCameraTracks);
  await page.goto(inject('baseUrl'));
  return { context, page };
}

/**
 * Keeps every camera track the page opens and each copy it makes of one (the pose worker's), and
 * counts the cameras opened: pass to `page.addInitScript`; `liveCameraTracks` counts the tracks
 * still live, `camerasOpened` the openings.
 */
export function watchCameraTracks(): void {
  const tracks: MediaStreamTrack[] = [];
  const store = globalThis as { cameraTracks?: MediaStreamTrack[]; camerasOpened?: number };
  store.cameraTracks = tracks;
  store.camerasOpened = 0;
  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    store.camerasOpened = (store.camerasOpened ?? 0) + 1;
    tracks.push(...stream.getTracks());
    return stream;
  };
  const clone = MediaStreamTrack.prototype.clone;
  MediaStreamTrack.prototype.clone = function (this: MediaStreamTrack) {
    const copy = clone.call(this);
    tracks.push(copy);
    return copy;
  };
}

/** Whether nothing is drawn over the picture (every pixel of the overlay's canvas clear). */
export function overlayBlank(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.getElementById('overlay') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (ctx === null || canvas.width === 0) return true;
    return ctx.getImageData(0, 0, canvas.width, canvas.height).data.every((v) => v === 0);
  });
}

/** How many times the page has opened a camera (`watchCameraTracks`). */
export function camerasOpened(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as { camerasOpened?: number }).camerasOpened ?? 0);
}

/** The camera tracks still live (`watchCameraTracks`): the camera's light is on while any is. */
export function liveCameraTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      ((globalThis as { cameraTracks?: MediaStreamTrack[] }).cameraTracks ?? []).filter(
        (t) => t.readyState === 'live',
      ).length,
  );
}

/**
 * Starts one exercise from its card on the home screen, as a person would: opens "Edit", types
 * the numbers, presses Start.
 */
export async function startExercise(
  page: Page,
  exerciseId: string,
  numbers: {
    readonly sets?: number;
    readonly reps?: number;
    readonly seconds?: number;
    /** A circles exercise's time each way. */
    readonly perDirectionSeconds?: number;
  } = {},
): Promise<void> {
  const card = page.locator(`[data-exercise="${exerciseId}"]`);
  if (Object.keys(numbers).length > 0) {
    const edit = card.locator('details.edit');
    if ((await edit.getAttribute('open')) === null) await edit.locator('> summary').click();
    if (numbers.sets !== undefined) await card.getByLabel('Sets').fill(String(numbers.sets));
    if (numbers.reps !== undefined) await card.getByLabel('Reps').fill(String(numbers.reps));
    if (numbers.seconds !== undefined)
      await card.getByLabel('Seconds').fill(String(numbers.seconds));
    if (numbers.perDirectionSeconds !== undefined)
      await card.getByLabel('s each way').fill(String(numbers.perDirectionSeconds));
  }
  await card.locator(`[data-start="${exerciseId}"]`).click();
}

/** The text of the gate line once it matches `pattern`. */
export async function gateSays(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('gate')?.textContent ?? ''),
    pattern.source,
    { timeout: timeoutMs },
  );
  return (await page.locator('#gate').textContent()) ?? '';
}

/** Every set stored in the page's IndexedDB (read directly, as the browser keeps it). */
export function storedSets(page: Page): Promise<
  {
    id: string;
    exerciseId: string;
    reps: { index: number }[];
    completed: boolean;
    notes?: string[];
    formCheck?: { check: string; status: string; still?: string }[];
  }[]
> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('formcheck');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sets')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('sets').objectStore('sets').getAll();
          all.onsuccess = () => {
            resolve(all.result as never);
            db.close();
          };
          all.onerror = () => reject(all.error ?? new Error('read failed'));
        };
      }),
  );
}

/**
 * Records what the page says: pass to `page.addInitScript` (it runs in the page before its own
 * scripts); read with `saidSoFar`. The app speaks only in an on-device voice (`voice.ts`), and this
 * headless Chromium has no voices at all, so this stands in for the platform's speech engine: two
 * on-device English voices (the first the default) and a remote one, and utterances kept instead
 * of played (`said`: the words; `spoken`: with the voice and rate).
 */
export function recordSpeech(): void {
  const said: string[] = [];
  const spoken: { text: string; voice: string | undefined; rate: number }[] = [];
  Object.assign(globalThis, { said, spoken });
  const voices = [
    { name: 'Test voice', voiceURI: 'test', lang: 'en-US', localService: true, default: true },
    { name: 'Second voice', voiceURI: 'second', lang: 'en-GB', localService: true, default: false },
    // A browser's voice on a server (Chrome's "Google …"): never offered, never used.
    {
      name: 'Remote voice',
      voiceURI: 'remote',
      lang: 'en-US',
      localService: false,
      default: false,
    },
  ] as SpeechSynthesisVoice[];
  class Utterance {
    rate = 1;
    voice: SpeechSynthesisVoice | null = null;
    constructor(readonly text: string) {}
  }
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', {
    value: Utterance,
    configurable: true,
  });
  const synth = globalThis.speechSynthesis;
  synth.getVoices = () => voices;
  synth.speak = (u: SpeechSynthesisUtterance) => {
    said.push(u.text);
    spoken.push({ text: u.text, voice: u.voice?.name, rate: u.rate });
  };
  synth.cancel = () => undefined;
}

/** Everything the page has said so far (see `recordSpeech`). */
export function saidSoFar(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { said?: string[] }).said ?? []);
}

/**
 * Keeps every text the element with `id` shows from the page's load on (call before `goto`); read
 * them with `textsShown`.
 */
export async function recordTexts(page: Page, id: string): Promise<void> {
  await page.addInitScript((elementId) => {
    const seen: string[] = [];
    const store = globalThis as { textsShown?: Record<string, string[]> };
    (store.textsShown ??= {})[elementId] = seen;
    document.addEventListener('DOMContentLoaded', () => {
      const element = document.getElementById(elementId);
      if (element === null) return;
      new MutationObserver(() => {
        const text = element.textContent ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
      }).observe(element, { childList: true, characterData: true, subtree: true });
    });
  }, id);
}

/** The texts the element with `id` showed so far, in order, each change once (`recordTexts`). */
export function textsShown(page: Page, id: string): Promise<string[]> {
  return page.evaluate(
    (elementId) =>
      (globalThis as { textsShown?: Record<string, string[]> }).textsShown?.[elementId] ?? [],
    id,
  );
}

/**
 * The camera track the page shows, ended as an unplugged camera ends it (`end`: its "ended" event)
 * or stopped without a word (`stop`: no frame comes any more).
 */
export const cameraTrack = (page: Page, action: 'end' | 'stop') =>
  page.evaluate((a) => {
    const video = document.getElementById('video') as HTMLVideoElement;
    const track = (video.srcObject as MediaStream).getVideoTracks()[0];
    if (a === 'end') track?.dispatchEvent(new Event('ended'));
    else track?.stop();
  }, action);

/** The tab hidden or shown again, as the browser tells the page when the person switches tabs. */
export function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
