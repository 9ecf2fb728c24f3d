import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const API = path.join(ROOT, 'dist/apps/api/src/main.js');

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a command (the built API, or `npm start`) with only the given settings; resolves once it serves. */
export function startApiProcess(command: string, args: string[], env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('More tokens')) resolve({ child, output: () => output, exited });
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    void exited.then(({ code }) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
}
