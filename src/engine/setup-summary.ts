import type { KeypointName } from '../pose/skeleton.ts';
import { jointsInWords } from './joint-words.ts';
import type { GateIssue } from './setup-gate.ts';

/**
 * Why a set was never judged, for its report: a video or a set in which the person was never in
 * position must say so and why, not just report 0 reps. Tracks how long the set-up was held up by
 * each kind of issue (ms between frames) and whether it ever completed.
 */
export class SetupSummary {
  private everReady = false;
  private readonly heldUpMs = new Map<GateIssue['kind'], number>();
  private readonly missing = new Map<KeypointName, number>();
  private lastMs: number | undefined;

  /** One frame: ready (the gate open), or held up by an issue (none named: not counted). */
  push(timestampMs: number, state: 'ready' | GateIssue | undefined): void {
    const dt = this.lastMs === undefined ? 0 : Math.max(0, timestampMs - this.lastMs);
    this.lastMs = timestampMs;
    if (state === 'ready') {
      this.everReady = true;
      return;
    }
    if (state === undefined) return;
    this.heldUpMs.set(state.kind, (this.heldUpMs.get(state.kind) ?? 0) + dt);
    if (state.kind === 'missing')
      for (const k of state.keypoints) this.missing.set(k, (this.missing.get(k) ?? 0) + dt);
  }

  /** A note for the report when the person was never in position; undefined otherwise. */
  note(): string | undefined {
    if (this.everReady) return undefined;
    const [kind] = [...this.heldUpMs.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (kind === undefined) return undefined;
    return `Never in position, so nothing was counted: ${reason(kind, this.mostMissing())}`;
  }

  /** The keypoints missing for at least half as long as the most missing one. */
  private mostMissing(): KeypointName[] {
    const longest = Math.max(0, ...this.missing.values());
    return [...this.missing.entries()].filter(([, ms]) => ms >= longest / 2).map(([k]) => k);
  }
}

function reason(kind: GateIssue['kind'], missing: readonly KeypointName[]): string {
  switch (kind) {
    case 'no-person':
      return 'nobody was found in most frames. The whole body, head included, must be in view.';
    case 'missing': {
      const joints = jointsInWords(missing);
      return `the ${joints.text} ${joints.plural ? 'were' : 'was'} out of view most of the time. Step back so your whole body is in view.`;
    }
    case 'not-still':
      return 'the start position was never held still for a moment. Stand still in the start position before the first rep.';
  }
}
