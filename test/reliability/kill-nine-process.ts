/** The built API as a child process for the kill-nine scenario: started, killed and stopped on one folder or database. */
import { API, startApiProcess, type ApiProcess } from '../support/api-process';

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The built API as a child process on one folder or database, started, killed and stopped again. */
export class LedgerProcess {
  private current?: ApiProcess;
  private serving = deferred();
  /** True from serving until the signal is sent: a request failing then is not the kill's doing. */
  isServing = false;
  constructor(private readonly env: Record<string, string>) {}

  whenServing(): Promise<void> {
    return this.serving.promise;
  }

  /** Seconds from spawning to serving. */
  async start(): Promise<number> {
    const started = performance.now();
    this.current = await startApiProcess(process.execPath, [API], this.env);
    this.serving.resolve();
    this.isServing = true;
    return (performance.now() - started) / 1000;
  }

  async end(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const current = this.current;
    this.current = undefined;
    this.isServing = false;
    this.serving = deferred();
    if (current === undefined || current.child.exitCode !== null) return;
    current.child.kill(signal);
    const { code } = await current.exited;
    if (signal === 'SIGTERM' && code !== 0) throw new Error(`the API exited with ${code} on SIGTERM:\n${current.output()}`);
  }
}
