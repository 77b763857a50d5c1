import { describe, expect, it } from 'vitest';
import { watchForUpdate } from '../../src/app/update-notice.ts';

/** The page's service worker container: who controls the page, and its controllerchange. */
function container(controlled: boolean) {
  const events = new EventTarget();
  return {
    controller: (controlled ? {} : null) as ServiceWorker | null,
    addEventListener: events.addEventListener.bind(events),
    takeOver: () => events.dispatchEvent(new Event('controllerchange')),
  };
}

describe('telling a page that a new version took it over', () => {
  it('tells a page already run by the offline cache when a new version replaces it', () => {
    const sw = container(true);
    let told = 0;
    watchForUpdate(sw, () => (told += 1));
    expect(told).toBe(0);
    sw.takeOver();
    expect(told).toBe(1);
  });

  it('says nothing on a first visit, when the first offline cache takes the page over', () => {
    const sw = container(false);
    let told = 0;
    watchForUpdate(sw, () => (told += 1));
    sw.takeOver();
    expect(told).toBe(0);
    // A new version while that page is still open is an update.
    sw.takeOver();
    expect(told).toBe(1);
  });
});
