import type { Clock } from '../../../core/clock';

/**
 * Real time, moved to a chosen instant: BullMQ delays run on the wall clock, so the app's clock
 * must advance with it, just starting from the morning the test is about.
 */
export class ShiftedClock implements Clock {
  private offset = 0;

  constructor(at: string) {
    this.set(at);
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  set(at: string | Date): void {
    this.offset = new Date(at).getTime() - Date.now();
  }

  /** The wall-clock time (Date.now() scale) at which this clock will read `instant`. */
  wallTimeOf(instant: Date | string): number {
    return new Date(instant).getTime() - this.offset;
  }

  /** What this clock read at a wall-clock time (e.g. a request the fake Twilio recorded). */
  at(wallTime: number): Date {
    return new Date(wallTime + this.offset);
  }

  async until(instant: Date | string): Promise<void> {
    const wait = new Date(instant).getTime() - this.now().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
