/** What a tab running the version before an update is told. */
export const UPDATE_READY =
  'A new version of formcheck is ready: reload the page to use it, once this set is done.';

/**
 * Calls `onUpdate` when a new version of the app takes over this page (its offline cache's service
 * worker is replaced): the page goes on running the code it loaded, which only a reload replaces.
 * Not when the first service worker takes over a page on a first visit, which is no update; a new
 * version coming after that, the page still open, is one.
 */
export function watchForUpdate(
  serviceWorker: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>,
  onUpdate: () => void,
): void {
  let controlled = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) onUpdate();
    controlled = true;
  });
}
