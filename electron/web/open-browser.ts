// Opens the default browser, unless asked not to (BROWSER=none, CI) or there is none.
import { spawn } from 'node:child_process';

export function shouldOpenBrowser(env: NodeJS.ProcessEnv): boolean {
  return env.BROWSER !== 'none' && !env.CI;
}

export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser here: the printed URL is enough
    child.unref();
  } catch {
    // same as above
  }
}
