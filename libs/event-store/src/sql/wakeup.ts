/**
 * A wake-up call that is not lost when it comes before anyone waits: `clear()` before looking for
 * work, then `wait(ms)` returns at once if `notify()` came in between, else on the next notify or
 * after `ms`.
 */
export class Wakeup {
  private pending = false;
  private release?: () => void;

  clear(): void {
    this.pending = false;
  }

  notify(): void {
    this.pending = true;
    this.release?.();
  }

  wait(ms: number): Promise<void> {
    if (this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.release?.(), ms);
      this.release = () => {
        clearTimeout(timer);
        this.release = undefined;
        resolve();
      };
    });
  }
}
