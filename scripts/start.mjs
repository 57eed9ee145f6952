// `npm start [-- --preview] [FILE.flow.json]`: the desktop app. Development mode (electron-vite
// dev, hot reload) by default; --preview runs the production build instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const preview = args.includes('--preview');
const appArgs = args.filter((a) => a !== '--preview');

if (!ensureElectronBinary()) {
  console.error(
    "Threadline cannot start as a desktop app here because Electron's binary is not installed " +
      'and cannot be downloaded on this machine; run `npm run web` to use it in your browser instead.',
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const command = preview ? ['preview'] : ['dev'];
const child = spawn(
  process.execPath,
  [cli, ...command, ...(appArgs.length ? ['--', ...appArgs] : [])],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
