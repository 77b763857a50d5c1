import type { Side } from '../pose/skeleton.ts';

/**
 * Combines a left and a right measurement into one signal that does not jump when one side drops
 * out of view (a far leg hidden side on, a foot leaving the frame). With both sides seen it is
 * their mean, and it learns the offset between them; with one side it is that side shifted by half
 * the last offset, i.e. what the mean would have been.
 */
export class SideFuser {
  /** Last seen right minus left. */
  private offset = 0;

  push(values: Readonly<Record<Side, number | undefined>>): number | undefined {
    const l = finite(values.left);
    const r = finite(values.right);
    if (l !== undefined && r !== undefined) {
      this.offset = r - l;
      return (l + r) / 2;
    }
    if (l !== undefined) return l + this.offset / 2;
    if (r !== undefined) return r - this.offset / 2;
    return undefined;
  }
}

function finite(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
