import type { KeypointName } from '../pose/skeleton.ts';

/**
 * Keypoints said as a person would: "your knees and ankles" when both sides are missing, "your
 * ankle" when one is (a side-on view needs one side, and which side is near depends on the way the
 * person faces, so it is not named), toes always as "toes", the nose as the face (the head must
 * be in view for knee circles), in the order given, the last joined by "and". `plural` is for the
 * verb ("was" / "were").
 */
export function jointsInWords(keypoints: readonly KeypointName[]): {
  readonly text: string;
  readonly plural: boolean;
} {
  const sidesOf = new Map<string, Set<string>>();
  for (const k of keypoints) {
    const m = /^(left|right)_(.+)$/.exec(k);
    const joint = m?.[2] ?? k;
    sidesOf.set(joint, (sidesOf.get(joint) ?? new Set<string>()).add(m?.[1] ?? 'centre'));
  }
  const words = [...sidesOf].map(([joint, sides]) =>
    joint === 'nose' ? 'face' : sides.size > 1 || joint === 'toe' ? `${joint}s` : joint,
  );
  const last = words.pop() ?? '';
  return {
    text: words.length > 0 ? `${words.join(', ')} and ${last}` : last,
    plural: words.length > 0 || last.endsWith('s'),
  };
}
