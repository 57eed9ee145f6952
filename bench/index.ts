// `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. Each prints one JSON
// line per figure (docs/architecture.md, Benchmarks). To add a benchmark, add one line below: its name and
// a module whose default export is a Benchmark (see ./types).
import type { Benchmark } from './types';

const BENCHMARKS: Record<string, () => Promise<{ default: Benchmark }>> = {
  compile: () => import('./compile'),
  engine: () => import('./engine'),
  runtime: () => import('./runtime'),
  storage: () => import('./storage'),
  'runtime-pg': () => import('./runtime-pg'),
  designer: () => import('./designer'),
};

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`,
    );
    return 2;
  }
  for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
    const { default: run } = await BENCHMARKS[name]!();
    for (const figure of await run()) console.log(JSON.stringify(figure));
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
