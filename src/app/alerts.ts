import { el } from './dom.ts';

/** What an error says, for an alert (not "Error: …"). */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A button offered with an alert ("Try again", "Download your sets"). */
export interface AlertAction {
  readonly label: string;
  readonly run: () => void;
}

/**
 * The alerts a person must act on, each under a key (its cause): setting a key again replaces
 * its alert, and clearing it when the cause is gone removes it, so nothing stale stays on screen.
 */
export class Alerts {
  private readonly shown = new Map<string, HTMLElement>();

  constructor(private readonly container: HTMLElement) {}

  set(key: string, message: string, action?: AlertAction): void {
    const button =
      action === undefined
        ? undefined
        : el('button', { type: 'button', 'data-alert-action': key }, action.label);
    button?.addEventListener('click', () => action?.run());
    const node = el('div', { class: 'alert', 'data-alert': key }, el('span', {}, message), button);
    const old = this.shown.get(key);
    if (old === undefined) this.container.append(node);
    else old.replaceWith(node);
    this.shown.set(key, node);
    this.container.hidden = false;
  }

  clear(key: string): void {
    this.shown.get(key)?.remove();
    this.shown.delete(key);
    this.container.hidden = this.shown.size === 0;
  }

  has(key: string): boolean {
    return this.shown.has(key);
  }
}
