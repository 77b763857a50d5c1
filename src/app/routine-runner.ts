import { findExercise } from '../engine/catalog.ts';
import type { ExerciseDef, Prescription } from '../engine/exercise-def.ts';
import { transitionText, wantsFormCheck, type RoutineStep } from '../engine/routine.ts';
import type { SetRecord } from '../storage/set-record.ts';
import type { CardChoice } from './screens/form-check-card.ts';
import type { RunEnd, WorkoutController } from './workout-controller.ts';
import type { FormCheckSoFar } from './workout-session.ts';

export interface RoutineView {
  /** "Exercise 3 of 12: Knee circles" and the like; undefined hides it. */
  showProgress(text: string | undefined): void;
  showExercise(exercise: ExerciseDef): void;
  /** Shows a form check's card; resolves with the person's choice. */
  showCard(
    end: Extract<RunEnd, { kind: 'form-check' }>,
    exercise: ExerciseDef,
  ): Promise<CardChoice>;
  showSummary(
    done: readonly { exercise: ExerciseDef; records: readonly SetRecord[]; skipped: boolean }[],
  ): void;
  say(text: string): void;
}

/**
 * "Today's routine": each exercise in order with its prescription, a form check before the first
 * set of each strength exercise, spoken transitions, one key to skip or repeat an exercise, and a
 * summary at the end. Everything it does goes through the workout controller.
 */
export class RoutineRunner {
  private request: 'skip' | 'repeat' | 'stop' | undefined;
  private running = false;

  constructor(
    private readonly controller: WorkoutController,
    private readonly view: RoutineView,
  ) {}

  get active(): boolean {
    return this.running;
  }

  /** Skip to the next exercise (S). */
  skip(): void {
    if (!this.running) return;
    this.request = 'skip';
    this.controller.endRun();
  }

  /** Start this exercise over (R). */
  repeat(): void {
    if (!this.running) return;
    this.request = 'repeat';
    this.controller.endRun();
  }

  stop(): void {
    if (!this.running) return;
    this.request = 'stop';
    this.controller.endRun();
  }

  /** A form check on its own: the card, then the set ("Start") or another check. */
  async formCheck(exercise: ExerciseDef): Promise<void> {
    let soFar: FormCheckSoFar | undefined;
    for (;;) {
      const end = await this.controller.runCamera(exercise, exercise.prescription, {
        mode: 'form-check',
        ...(soFar === undefined ? {} : { formCheckSoFar: soFar }),
      });
      if (end.kind !== 'form-check') return;
      const choice = await this.view.showCard(end, exercise);
      if (choice === 'back') return;
      if (choice === 'start') {
        await this.controller.runCamera(exercise, exercise.prescription, { mode: 'workout' });
        return;
      }
      soFar = choice === 'redo-last' ? end.session.withoutLastPart() : undefined;
    }
  }

  async run(steps: readonly RoutineStep[], name = "Today's routine"): Promise<void> {
    this.running = true;
    const sessionId = `${Date.now().toString(36)}-routine`;
    const done: { exercise: ExerciseDef; records: readonly SetRecord[]; skipped: boolean }[] = [];
    try {
      let again = false;
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i] as RoutineStep;
        const exercise = findExercise(step.exerciseId);
        this.view.showProgress(`Exercise ${i + 1} of ${steps.length}: ${exercise.name}`);
        this.view.showExercise(exercise);
        this.view.say(transitionText(exercise, again));
        const outcome = await this.exercise(exercise, step.prescription, name, sessionId);
        if (outcome === 'stop') return;
        again = outcome === 'repeat';
        if (outcome === 'repeat') {
          i -= 1;
          continue;
        }
        done.push({
          exercise,
          records: outcome === 'skip' ? [] : outcome,
          skipped: outcome === 'skip',
        });
      }
      this.view.say('Routine done. Well done!');
      this.view.showProgress(undefined);
      this.view.showSummary(done);
    } finally {
      this.running = false;
      this.request = undefined;
    }
  }

  /** One exercise: a form check first where it matters, then its sets. */
  private async exercise(
    exercise: ExerciseDef,
    prescription: Prescription,
    routine: string,
    sessionId: string,
  ): Promise<readonly SetRecord[] | 'skip' | 'repeat' | 'stop'> {
    const options = { routine, sessionId };
    if (wantsFormCheck(exercise)) {
      let soFar: FormCheckSoFar | undefined;
      for (;;) {
        const check = await this.controller.runCamera(exercise, prescription, {
          ...options,
          mode: 'form-check',
          ...(soFar === undefined ? {} : { formCheckSoFar: soFar }),
        });
        const interrupted = this.takeRequest();
        if (interrupted !== undefined) return interrupted;
        if (check.kind !== 'form-check') return 'stop';
        const choice = await this.view.showCard(check, exercise);
        if (choice === 'back') return 'stop';
        if (choice === 'start') break;
        soFar = choice === 'redo-last' ? check.session.withoutLastPart() : undefined;
      }
    }
    const end = await this.controller.runCamera(exercise, prescription, {
      ...options,
      mode: 'workout',
    });
    const interrupted = this.takeRequest();
    if (interrupted !== undefined) return interrupted;
    return end.kind === 'done' ? end.records : 'stop';
  }

  private takeRequest(): 'skip' | 'repeat' | 'stop' | undefined {
    const r = this.request;
    this.request = undefined;
    return r;
  }
}
