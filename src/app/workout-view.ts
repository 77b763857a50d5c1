import type { FormCheckLine } from '../engine/form-check.ts';
import { redoLastPartWords } from '../engine/form-check-plan.ts';
import type { ExerciseDef } from '../engine/exercise-def.ts';
import type { SetRecord } from '../storage/set-record.ts';
import { byId, el } from './dom.ts';
import type { RoutineView } from './routine-runner.ts';
import { showFormCheckCard } from './screens/form-check-card.ts';
import { lastSetHeading, setSummary } from './screens/set-summary.ts';
import type { WorkoutView } from './workout-controller.ts';
import type { Voice } from './voice.ts';

/**
 * The card in one sentence, said aloud and for the live region: what to fix first, then what
 * passed (the person walks back to the screen for the details).
 */
export function formCheckAnnouncement(lines: readonly FormCheckLine[]): string {
  const named = (keep: (l: FormCheckLine) => boolean) =>
    lines.filter(keep).map((l) => l.label.toLowerCase());
  // A pass by a whisker is said as one, as its line on the card opens "Borderline".
  const close = (l: FormCheckLine) => l.text.startsWith('Borderline');
  const fix = named((l) => l.status === 'fix');
  const pass = named((l) => l.status === 'pass' && !close(l));
  const onlyJust = named((l) => l.status === 'pass' && close(l));
  const parts = ['Form check done.'];
  parts.push(fix.length === 0 ? 'Nothing to fix.' : `Fix: ${fix.join(', ')}.`);
  if (pass.length > 0) parts.push(`Pass: ${pass.join(', ')}.`);
  if (onlyJust.length > 0) parts.push(`Borderline: ${onlyJust.join(', ')}.`);
  return parts.join(' ');
}

/** What the workout screen shows: the gate line, each rep, set summaries, cards, the routine. */
export function workoutView(voice: Voice): WorkoutView & RoutineView {
  const announce = (text: string) => (byId('announcer').textContent = text);
  /** A recorded video is one set, with no break and no camera controls. */
  let video = false;
  /** The run is over: no pause, no end set, no break (until the next run shows its source). */
  let over = false;
  return {
    announce,
    showGate(text, ok) {
      const gate = byId('gate');
      gate.textContent = text;
      gate.classList.toggle('ok', ok);
    },
    showRep: (text) => (byId('last-rep').textContent = text),
    showSetDone(record: SetRecord, final: boolean, saved: boolean) {
      const summary = byId('set-summary');
      const kept = saved
        ? 'It is in your history.'
        : 'It could NOT be saved in this browser: download it (see the message above).';
      // Named as a set, not as the rest after it: the heading stays up once the next set begins
      // and the workout ends ("Set 1 done — rest, the next set starts by itself" under "Workout
      // done"); the rest is said on the gate line and by its button.
      summary.prepend(
        setSummary(record, `${record.exerciseName}: set ${record.set} — done`),
        el('p', { 'data-saved': String(saved) }, kept),
      );
      if (final)
        summary.prepend(
          el('p', { 'data-session-done': '' }, el('strong', {}, lastSetHeading(record))),
        );
    },
    showPaused(paused) {
      byId('pause').textContent = paused ? 'Resume (space)' : 'Pause (space)';
    },
    showCameraOff(off) {
      byId('camera-off').hidden = !off;
      if (!video) byId('camera-choice').hidden = off;
    },
    showSource(source) {
      video = source === 'video';
      over = false;
      byId('camera-choice').hidden = video;
      byId('pause').hidden = video;
      byId('end-set').hidden = video;
      byId('next-set').hidden = true;
    },
    showBreak(nextNow) {
      if (video || over) return;
      const next = byId('next-set');
      next.hidden = nextNow === undefined;
      if (nextNow !== undefined && next.textContent !== nextNow) next.textContent = nextNow;
      byId('end-set').hidden = nextNow !== undefined;
    },
    showOver() {
      over = true;
      for (const id of ['pause', 'end-set', 'next-set']) byId(id).hidden = true;
    },
    setStatus: (text) => (byId('status').textContent = text),
    showProgress(text) {
      const p = byId('routine-progress');
      p.hidden = text === undefined;
      p.textContent = text ?? '';
      for (const id of ['skip-exercise', 'repeat-exercise']) byId(id).hidden = text === undefined;
    },
    showPlacement: (text) => (byId('placement').textContent = text),
    showExercise(exercise: ExerciseDef) {
      byId('workout-name').textContent = exercise.name;
      byId('placement').textContent = exercise.placement;
      byId('last-rep').textContent = '';
      byId('form-check-card').hidden = true;
    },
    async showCard(end, exercise) {
      const card = byId('form-check-card');
      const words = formCheckAnnouncement(end.lines);
      voice.say({ text: words, priority: 'cue' });
      announce(words);
      const choice = await showFormCheckCard(
        card,
        exercise,
        end.lines,
        end.notes,
        // The camera preview is mirrored; the stills show the person as they saw themselves.
        { poseAt: (ms) => end.session.poseAt(ms), mirrored: end.session.source === 'camera' },
        (lines) => end.session.saveFormCheck(lines),
        end.session.canRedoLastPart ? redoLastPartWords(exercise) : undefined,
      );
      card.hidden = choice !== 'back';
      return choice;
    },
    showSummary(done) {
      const summary = byId('set-summary');
      summary.prepend(
        el(
          'div',
          { 'data-routine-summary': '' },
          el('h4', {}, 'Routine done'),
          el(
            'ul',
            {},
            ...done.map((d) => {
              const reps = d.records.reduce((a, r) => a + r.reps.length, 0);
              const held = d.records.reduce((a, r) => a + r.heldSeconds, 0);
              const what = d.skipped
                ? 'skipped'
                : `${d.records.length} set${d.records.length === 1 ? '' : 's'}${reps > 0 ? `, ${reps} reps` : ''}${held > 0 ? `, ${held.toFixed(0)} s held` : ''}`;
              return el(
                'li',
                { 'data-routine-exercise': d.exercise.id },
                `${d.exercise.name}: ${what}`,
              );
            }),
          ),
        ),
      );
    },
    say: (text) => {
      voice.say({ text, priority: 'cue' });
      announce(text);
    },
  };
}
