import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const PORT = 4173;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Serves the production build (`vite build` ran before) with `vite preview` on loopback for the suite. */
export default async function setup(project: TestProject) {
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(BASE_URL)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`vite preview did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide('baseUrl', BASE_URL);
  return () => {
    if (server.pid) process.kill(-server.pid);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
