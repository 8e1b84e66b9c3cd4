/**
 * Training control for a worker that also answers other requests: during a run, work such as a
 * generation runs between two training steps (inside the pause when the run is paused), so it never
 * interleaves with a step's tensor work and never waits for the run to end.
 */
import { TrainingControl } from '../core/train/trainer';

export class GatedControl extends TrainingControl {
  private readonly jobs: (() => Promise<void>)[] = [];
  private nudge: (() => void) | null = null;

  override resume() {
    super.resume();
    this.wakeUp();
  }

  override abort() {
    super.abort();
    this.wakeUp();
  }

  /**
   * Runs `job` at the training loop's next pause point (at once when the loop is parked there), or when
   * the worker drains the control after the run. Settles as the job does.
   */
  runBetweenSteps<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => job().then(resolve, reject));
      this.wakeUp();
    });
  }

  override async whileUnpaused(): Promise<void> {
    for (;;) {
      await this.drain();
      if (!this.paused || this.aborted) return;
      // A job may have arrived while the last drain was finishing, before there was a nudge to call.
      if (this.jobs.length > 0) continue;
      await new Promise<void>((resolve) => (this.nudge = resolve));
    }
  }

  /** Runs every waiting job: the loop does between steps, the worker once more after the run ends. */
  async drain(): Promise<void> {
    for (let job = this.jobs.shift(); job; job = this.jobs.shift()) await job();
  }

  private wakeUp() {
    const nudge = this.nudge;
    this.nudge = null;
    nudge?.();
  }
}
