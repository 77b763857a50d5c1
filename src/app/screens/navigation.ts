import { byId } from '../dom.ts';

export const SCREENS = ['home', 'workout', 'history', 'report'] as const;
export type Screen = (typeof SCREENS)[number];

/** Shows one screen and hides the others; remembers which is shown for the keyboard. */
export class Navigation {
  current: Screen = 'home';

  show(screen: Screen): void {
    this.current = screen;
    for (const s of SCREENS) byId(`screen-${s}`).hidden = s !== screen;
  }
}
