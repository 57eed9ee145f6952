// engine.steps_per_s: engine steps a second on the shop example, one core. A scripted shopper
// (get started, browse, pick a shoe, a wrong and a right size, menus, small talk) loops; every
// step takes the session the previous one returned, as the runtime does.
import shopJson from '../flows/examples/shop.flow.json';
import { compileFlow, newSession, step, validateFlowDocument, type EngineEvent } from '../flows';
import { median, type Benchmark } from './types';

const RUNS = 7;
const RUN_MS = 400;

const SCRIPT: EngineEvent[] = [
  { type: 'get_started' },
  { type: 'quick_reply', payload: 'TL1:r:n-welcome:browse', text: 'Browse shoes' },
  { type: 'postback', payload: 'TL1:b:n-catalog:pick-runner', title: 'Choose this one' },
  { type: 'text', text: 'forty' },
  { type: 'text', text: '42' },
  { type: 'quick_reply', payload: 'TL1:r:n-more:menu', text: 'Main menu' },
  { type: 'text', text: 'size guide' },
  { type: 'quick_reply', payload: 'TL1:r:n-more:done', text: "That's all" },
  { type: 'text', text: 'what about sandals?' },
  { type: 'text', text: 'hello' },
];

const benchmark: Benchmark = async () => {
  const loaded = validateFlowDocument(shopJson);
  if (!loaded.ok) throw new Error(`shop example does not load: ${loaded.problems[0]?.message}`);
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok)
    throw new Error(`shop example does not compile: ${compiled.findings[0]?.message}`);
  const flow = compiled.compiled;
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  checkScript(flow, random);
  const rates: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    let session = newSession(flow.revision, { id: 'bench', first_name: 'Anna' });
    let now = Date.UTC(2026, 0, 5, 9);
    let steps = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < RUN_MS) {
      for (const event of SCRIPT) {
        now += 1000;
        session = step(flow, session, event, { now, random }).session;
      }
      steps += SCRIPT.length;
      elapsed = performance.now() - start;
    }
    if (run > 0) rates.push((steps / elapsed) * 1000); // the first run warms up the JIT
  }
  return [{ name: 'engine.steps_per_s', value: Math.round(median(rates)), unit: 'steps/s' }];
};

/** Guards the figure: a script that drifted from the flow would measure ignored events. */
function checkScript(flow: Parameters<typeof step>[0], random: () => number): void {
  let session = newSession(flow.revision, { id: 'bench' });
  let messages = 0;
  for (const [i, event] of SCRIPT.entries()) {
    const result = step(flow, session, event, { now: i * 1000, random });
    session = result.session;
    if (result.trace.every((t) => t.type === 'ignored'))
      throw new Error(`script step ${i} did nothing`);
    messages += result.actions.filter((a) => a.type.startsWith('send_')).length;
  }
  if (messages < SCRIPT.length) throw new Error(`the script sent only ${messages} messages`);
}

export default benchmark;
