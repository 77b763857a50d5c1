import { EXERCISES } from '../engine/catalog.ts';
import { FAULT_CODES } from '../engine/faults.ts';
import { STRICTNESS_LEVELS } from '../engine/checks/thresholds.ts';
import type { ExerciseDef, ExerciseKind } from '../engine/exercise-def.ts';
import type { LineStatus } from '../engine/form-check.ts';
import type { SetRecord } from './set-record.ts';

/**
 * Reading back a history file formcheck wrote (History's "Export JSON", or the sets a browser could
 * not store, offered as a download): `historyToJson`'s format. Pure: text in, sets out. Every set
 * is checked for what the history and report screens read from it, so a damaged or foreign file
 * cannot break them; a set that fails is left out and said, the others come in.
 */

/** The sets read, and those left out with the first reason for each. */
export interface HistoryFile {
  readonly sets: readonly SetRecord[];
  readonly skipped: readonly { readonly index: number; readonly why: string }[];
}

/** The file as a whole is not a formcheck history: why, in the person's words. */
export class NotAHistoryFile extends Error {}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** A fault in a set or a rep: its code, severity, time, value, unit and message. */
function faultProblem(f: unknown): string | undefined {
  if (!isObject(f)) return 'a fault is not an object';
  if (!(FAULT_CODES as readonly unknown[]).includes(f['code']))
    return `a fault's code "${String(f['code'])}" is not one this version knows`;
  if (f['severity'] !== 'info' && f['severity'] !== 'warn') return "a fault's severity is unknown";
  if (!isNumber(f['atSec']) || !isNumber(f['value'])) return "a fault's time or value is missing";
  if (!isText(f['unit']) || !isText(f['message'])) return "a fault's unit or message is missing";
  return undefined;
}

/** Each of `keys` absent, or a number (or null where `orNull`): what the screens print with. */
const numbersOrAbsent = (o: Json, keys: readonly string[], orNull = false): boolean =>
  keys.every((k) => o[k] === undefined || isNumber(o[k]) || (orNull && o[k] === null));

function repProblem(r: unknown): string | undefined {
  if (!isObject(r)) return 'a rep is not an object';
  for (const key of ['index', 'startSec', 'bottomSec', 'endSec', 'amplitude'])
    if (!isNumber(r[key])) return `a rep's ${key} is missing`;
  const phases = r['phases'];
  if (!isObject(phases) || !numbersOrAbsent(phases, ['downSec', 'bottomSec', 'upSec', 'topSec']))
    return "a rep's phases are not readable";
  const depth = r['depth'];
  if (
    depth !== undefined &&
    !(
      isObject(depth) &&
      numbersOrAbsent(depth, ['thighAboveLevelDeg', 'kneeAngleDeg', 'hipAboveKneeShanks'], true)
    )
  )
    return "a rep's depth is not readable";
  const verdicts = r['verdicts'];
  if (!Array.isArray(verdicts) || !verdicts.every((v) => isObject(v) && isText(v['check'])))
    return "a rep's verdicts are missing";
  if (!Array.isArray(r['faults'])) return "a rep's faults are missing";
  return r['faults'].map(faultProblem).find((p) => p !== undefined);
}

function holdProblem(h: unknown): string | undefined {
  if (!isObject(h)) return 'a hold is not an object';
  for (const key of ['startSec', 'endSec', 'seconds'])
    if (!isNumber(h[key])) return `a hold's ${key} is missing`;
  return undefined;
}

const LINE_STATUSES: readonly unknown[] = ['pass', 'fix', 'cannot-judge'] satisfies LineStatus[];

/**
 * A form check's line; its still, where kept, must be a PNG drawn by the app (a data URL): the
 * report shows it as an image, and an address anywhere else would be a request off the device.
 */
function formCheckLineProblem(l: unknown): string | undefined {
  if (!isObject(l) || !isText(l['check']) || !isText(l['label']) || !isText(l['text']))
    return 'a form check line is not readable';
  if (!LINE_STATUSES.includes(l['status'])) return "a form check line's status is unknown";
  const still = l['still'];
  if (still !== undefined && !(isText(still) && still.startsWith('data:image/png;base64,')))
    return "a form check's still is not an image the app drew";
  return undefined;
}

/** The numbers each kind of prescription is written with (prescription-text.ts). */
const PRESCRIBED: Readonly<Record<ExerciseKind, readonly string[]>> = {
  reps: ['sets', 'reps', 'restSec'],
  hold: ['sets', 'holdSec', 'restSec'],
  circles: ['sets', 'perDirectionSec', 'restSec'],
  walk: ['sets', 'walkSec', 'restSec'],
};

function prescriptionProblem(p: unknown, exercise: ExerciseDef): string | undefined {
  const wrong = `its prescription is not one for ${exercise.name}`;
  if (!isObject(p) || p['kind'] !== exercise.kind) return wrong;
  if (!PRESCRIBED[exercise.kind].every((k) => isNumber(p[k]))) return wrong;
  const tempo = p['tempo'];
  if (tempo === undefined) return undefined;
  const readable =
    isObject(tempo) &&
    ['lowerSec', 'bottomSec', 'topSec'].every((k) => isNumber(tempo[k])) &&
    (isNumber(tempo['riseSec']) || tempo['riseSec'] === 'fast');
  return readable ? undefined : 'its tempo is not readable';
}

/** Why this is not a set the screens can show; undefined when it is one. */
function setProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'not an object';
  if (!isText(s['id']) || s['id'] === '' || !isText(s['sessionId']) || s['sessionId'] === '')
    return 'its id or session is missing';
  if (!isNumber(s['set']) || s['set'] < 1) return 'its set number is missing';
  const exercise = EXERCISES.find((e) => e.id === s['exerciseId']);
  if (exercise === undefined)
    return `its exercise "${String(s['exerciseId'])}" is not one this version knows`;
  if (!isText(s['exerciseName'])) return "its exercise's name is missing";
  const prescribed = prescriptionProblem(s['prescription'], exercise);
  if (prescribed !== undefined) return prescribed;
  if (!isNumber(s['startedAtMs'])) return 'its date is missing';
  if (typeof s['completed'] !== 'boolean') return 'whether it was completed is missing';
  if (s['source'] !== 'camera' && s['source'] !== 'video') return 'its source is unknown';
  if (!isNumber(s['heldSeconds']) || !isNumber(s['steps']))
    return 'its time held or steps are missing';
  const circles = s['circles'];
  if (!isObject(circles) || !isNumber(circles['clockwise']) || !isNumber(circles['anticlockwise']))
    return 'its circles are missing';
  if (
    s['strictness'] !== undefined &&
    !(STRICTNESS_LEVELS as readonly unknown[]).includes(s['strictness'])
  )
    return 'its strictness is unknown';
  for (const key of ['poseModel', 'routine'])
    if (s[key] !== undefined && !isText(s[key])) return `its ${key} is not text`;
  if (s['notes'] !== undefined && !(Array.isArray(s['notes']) && s['notes'].every(isText)))
    return 'its notes are not text';
  for (const [key, problem] of [
    ['reps', repProblem],
    ['holds', holdProblem],
    ['faults', faultProblem],
  ] as const) {
    const items = s[key];
    if (!Array.isArray(items)) return `its ${key} are missing`;
    const found = items.map(problem).find((p) => p !== undefined);
    if (found !== undefined) return found;
  }
  const lines = s['formCheck'];
  if (lines !== undefined) {
    if (!Array.isArray(lines)) return 'its form check is not readable';
    return lines.map(formCheckLineProblem).find((p) => p !== undefined);
  }
  return undefined;
}

/**
 * The sets in a history file. Throws `NotAHistoryFile` when the file is not one at all (not JSON,
 * another format, a version this one cannot read); a set that cannot be read is skipped and said.
 */
export function parseHistoryFile(text: string): HistoryFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new NotAHistoryFile('It is not a formcheck history file (it is not JSON).');
  }
  if (!isObject(data) || data['format'] !== 'formcheck-history')
    throw new NotAHistoryFile(
      'It is not a formcheck history file: choose one made by "Export JSON" or "Download sets".',
    );
  if (data['version'] !== 1)
    throw new NotAHistoryFile(
      `It was written by another version of formcheck (history format ${String(data['version'])}); this one reads format 1.`,
    );
  const all = data['sets'];
  if (!Array.isArray(all)) throw new NotAHistoryFile('It holds no sets.');
  const sets: SetRecord[] = [];
  const skipped: { index: number; why: string }[] = [];
  all.forEach((s, index) => {
    const why = setProblem(s);
    if (why === undefined) sets.push(s as SetRecord);
    else skipped.push({ index, why });
  });
  return { sets, skipped };
}

/** How far a set got: completed first, then what it counted, then the time held. */
function progressOf(s: SetRecord): readonly number[] {
  const counted =
    s.reps.length + s.holds.length + s.steps + s.circles.clockwise + s.circles.anticlockwise;
  return [s.completed ? 1 : 0, counted, s.heldSeconds];
}

/**
 * Whether a set read from a file should replace the one kept under the same id: only when it got
 * further (the download offered when the browser failed to store a set's later reps holds more
 * than the copy stored before the failure). A kept set is never replaced by less.
 */
export function gotFurther(fromFile: SetRecord, kept: SetRecord): boolean {
  const a = progressOf(fromFile);
  const b = progressOf(kept);
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

/** What an import did, as `HistoryStore.importSets` counts it. */
export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly same: number;
  readonly failed: number;
}

const sets = (n: number) => `${n} set${n === 1 ? '' : 's'}`;

/**
 * What the history screen says after an import: what came in, what was there already, and what
 * was left out and why (the first reason), so that nothing is lost without a word.
 */
export function importMessage(
  fileName: string,
  counts: ImportCounts,
  skipped: HistoryFile['skipped'],
  persistent: boolean,
): string {
  const parts: string[] = [];
  const stored = counts.added + counts.updated;
  if (stored > 0) {
    const how = [
      counts.added > 0 ? `${counts.added} new` : '',
      counts.updated > 0 ? `${counts.updated} more complete than the copy kept` : '',
    ].filter((s) => s !== '');
    parts.push(
      `Imported ${sets(stored)} from ${fileName} (${how.join(', ')})` +
        (counts.same > 0 ? `; ${sets(counts.same)} already in the history.` : '.'),
    );
  } else if (counts.same > 0)
    parts.push(
      `Nothing new in ${fileName}: ${counts.same === 1 ? 'its set is' : `its ${counts.same} sets are`} already in the history.`,
    );
  else if (counts.failed === 0 && skipped.length === 0) parts.push(`${fileName} holds no sets.`);
  const [first] = skipped;
  if (first !== undefined)
    parts.push(
      `${sets(skipped.length)} could not be read and ${skipped.length === 1 ? 'was' : 'were'} left out (set ${first.index + 1} in the file: ${first.why}).`,
    );
  if (counts.failed > 0)
    parts.push(
      `${sets(counts.failed)} could not be stored in this browser; the file still holds ${counts.failed === 1 ? 'it' : 'them'}.`,
    );
  if (!persistent && stored > 0)
    parts.push('History is off in this browser: the imported sets last until the tab closes.');
  return parts.join(' ');
}
