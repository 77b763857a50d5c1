import {
  keypoint,
  MIN_KEYPOINT_SCORE,
  type Keypoint,
  type KeypointName,
  type Pose,
  type Side,
  type WorldPointM,
  worldPoint,
} from '../pose/skeleton.ts';

/**
 * A point in frame-height units: x and y both divided by the frame height, so distances are the
 * same in every direction whatever the frame's aspect ratio (normalized x and y are not).
 */
export interface BodyPoint {
  readonly x: number;
  readonly y: number;
}

export type Joint =
  'shoulder' | 'hip' | 'knee' | 'ankle' | 'heel' | 'toe' | 'ear' | 'wrist' | 'elbow';

/**
 * Each side's keypoint names, joined once: a name joined on each lookup is a new string the
 * keypoint table has to hash every time.
 */
const JOINT_NAMES: Readonly<Record<Side, Readonly<Record<Joint, KeypointName>>>> = {
  left: namesOf('left'),
  right: namesOf('right'),
};

function namesOf(side: Side): Record<Joint, KeypointName> {
  const joints: readonly Joint[] = [
    'shoulder',
    'hip',
    'knee',
    'ankle',
    'heel',
    'toe',
    'ear',
    'wrist',
    'elbow',
  ];
  return Object.fromEntries(joints.map((j) => [j, `${side}_${j}`])) as Record<Joint, KeypointName>;
}

/** Confident keypoints of one pose in frame-height units, looked up by name. */
export class Body {
  private readonly points = new Map<KeypointName, BodyPoint | undefined>();

  constructor(
    private readonly pose: Pose,
    private readonly minScore: number = MIN_KEYPOINT_SCORE,
  ) {}

  /**
   * The keypoint, when it is confident and inside the picture. BlazePose places joints it cannot
   * see past the picture's edge, at times with confident scores (the legs of a person cut off at
   * the chest, just below the bottom edge): a joint out there is the model's guess, not a sighting.
   */
  point(name: KeypointName): BodyPoint | undefined {
    // Looked up again and again for each frame (the features read each joint several times): the
    // point is worked out once per name.
    const known = this.points.get(name);
    if (known !== undefined || this.points.has(name)) return known;
    const k = this.seen(name);
    const aspect = this.pose.frameSize.widthPx / this.pose.frameSize.heightPx;
    const p = k === undefined ? undefined : { x: k.x * aspect, y: k.y };
    this.points.set(name, p);
    return p;
  }

  /** The keypoint's confidence when it is seen, else 0. */
  score(name: KeypointName): number {
    return this.seen(name)?.score ?? 0;
  }

  /** The 3-D world landmark (metres, hip-centred) of a seen keypoint, when the model gives them. */
  world(name: KeypointName): WorldPointM | undefined {
    return this.seen(name) === undefined ? undefined : worldPoint(this.pose, name, this.minScore);
  }

  /**
   * The 3-D world landmark as the model inferred it, seen or not: BlazePose places hidden joints
   * in 3-D too (a far ankle side on, a back ankle behind the front leg). For coarse measures only.
   */
  worldInferred(name: KeypointName): WorldPointM | undefined {
    const w = this.pose.world?.[name];
    return w !== undefined && Number.isFinite(w.xM + w.yM + w.zM) ? w : undefined;
  }

  joint(side: Side, joint: Joint): BodyPoint | undefined {
    return this.point(JOINT_NAMES[side][joint]);
  }

  /** Midpoint of the left and right joints, or the one side seen, or undefined. */
  mid(joint: Joint): BodyPoint | undefined {
    const l = this.joint('left', joint);
    const r = this.joint('right', joint);
    if (l !== undefined && r !== undefined) return { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
    return l ?? r;
  }

  has(names: readonly KeypointName[]): boolean {
    return names.every((n) => this.point(n) !== undefined);
  }

  /** The image keypoint when it is confident and inside the picture (`point`). */
  private seen(name: KeypointName): Keypoint | undefined {
    const k = keypoint(this.pose, name, this.minScore);
    return k === undefined || k.x < 0 || k.x > 1 || k.y < 0 || k.y > 1 ? undefined : k;
  }

  get timestampMs(): number {
    return this.pose.timestampMs;
  }
}

export const SIDES: readonly Side[] = ['left', 'right'];
