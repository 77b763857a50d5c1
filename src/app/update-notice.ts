/** What a tab running the version before an update is told. */
export const UPDATE_READY =
  'A new version of formcheck is ready: reload the page to use it, once this set is done.';

/**
 * Calls `onUpdate` when a new version of the app takes over this page (its offline cache's service
 * worker is replaced): the page goes on running the code it loaded, which only a reload replaces.
 * Not on a first visit, where the first service worker taking the page over is no update.
 */
export function watchForUpdate(
  serviceWorker: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>,
  onUpdate: () => void,
): void {
  const hadOne = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (hadOne) onUpdate();
  });
}
