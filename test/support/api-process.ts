import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root, whether this file runs from `test/support` (jest) or `dist/test/support` (built). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
export const API = path.join(ROOT, 'dist/apps/api/src/main.js');

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A started process, and a promise that resolves once it serves (and rejects if it exits first). */
export interface LaunchedApi extends ApiProcess {
  readonly serving: Promise<ApiProcess>;
}

/** Starts a command (the built API, or `npm start`) with only the given settings, without waiting for it. */
export function launchApiProcess(command: string, args: string[], env: Record<string, string>): LaunchedApi {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const started: ApiProcess = { child, output: () => output, exited };
  const serving = new Promise<ApiProcess>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('More tokens')) resolve(started);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    void exited.then(({ code, signal }) => reject(new Error(`exited with ${code ?? signal} before serving:\n${output}`)));
  });
  return { ...started, serving };
}

/** Starts a command (the built API, or `npm start`) with only the given settings; resolves once it serves. */
export function startApiProcess(command: string, args: string[], env: Record<string, string>): Promise<ApiProcess> {
  return launchApiProcess(command, args, env).serving;
}
