import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A bot started as its own process with `npm start`'s entry point, and everything it printed. */
export interface SpawnedBot {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Resolves with the HTTP port once the bot prints that it is ready; rejects if it exits first. */
  ready(timeoutMs?: number): Promise<number>;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs `node --import tsx src/main.ts` (or another entry: one process, so a kill reaches the bot itself) with exactly the given environment (plus PATH), as `npm start` would. */
export function spawnBot(env: Record<string, string>, entry = 'src/main.ts'): SpawnedBot {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    ready(timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bot not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
        const check = () => {
          const m = /incident bot ready: HTTP on port (\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        };
        child.stdout?.on('data', check);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`bot exited with ${code} before it was ready:\n${out}`));
        });
        check();
      });
    },
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
}
