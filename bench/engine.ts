// engine.steps_per_s and engine.events_per_s on the shop example, one core, per second of CPU
// time (see cpuMs), so that other work on the machine does not count. A scripted shopper
// (get started, browse, pick a shoe, a wrong and a right size, menus, small talk) loops.
//   steps: bare engine steps; every step takes the session the previous one returned.
//   events: what the runtime does with one stored webhook event (runtime/engine/processor.ts):
//           the event and the session read from their stored JSON text, Messenger's event read
//           into engine events, the engine stepped, the Send API bodies built, and the session
//           and the bodies written back as JSON text. Only the database is left out.
import shopJson from '../flows/examples/shop.flow.json';
import { compileFlow, newSession, step, validateFlowDocument, type EngineEvent } from '../flows';
import { SHOP_SCRIPT } from './shop-script';
import { createEngineProcessor } from '../runtime/engine/processor';
import type { Logger } from '../runtime/log';
import { parseState, stateText } from '../runtime/store/rows';
import type { ActiveFlow, SessionRecord, StoredEvent } from '../runtime/store/types';
import { cpuMs, medianFigure, type Benchmark } from './types';

const RUNS = 7;
const RUN_MS = 400;
const PAGE = '1122334455';
const PSID = '9988776655';

const SCRIPT = SHOP_SCRIPT;

/** The script as Messenger sends it: one `entry[].messaging[]` event each, as stored text. */
function webhookEvent(event: EngineEvent, i: number): string {
  const base = { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1_767_600_000_000 + i };
  const mid = `m_${i}`;
  switch (event.type) {
    case 'get_started':
      return JSON.stringify({
        ...base,
        postback: { mid, title: 'Get Started', payload: 'TL1:get_started' },
      });
    case 'postback':
      return JSON.stringify({
        ...base,
        postback: { mid, title: event.title, payload: event.payload },
      });
    case 'quick_reply':
      return JSON.stringify({
        ...base,
        message: { mid, text: event.text, quick_reply: { payload: event.payload } },
      });
    case 'text':
      return JSON.stringify({ ...base, message: { mid, text: event.text } });
    default:
      throw new Error(`no webhook form for ${event.type} in the benchmark script`);
  }
}

const SILENT: Logger = { log() {}, info() {}, warn() {}, error() {} };

function loadShop() {
  const loaded = validateFlowDocument(shopJson);
  if (!loaded.ok) throw new Error(`shop example does not load: ${loaded.problems[0]?.message}`);
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok)
    throw new Error(`shop example does not compile: ${compiled.findings[0]?.message}`);
  return compiled.compiled;
}

/** Runs `RUNS` rounds of `round` (after one that warms up the JIT); rates per CPU second. */
async function rates(round: () => number | Promise<number>): Promise<number[]> {
  const result: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    let count = 0;
    const start = cpuMs();
    let elapsed = 0;
    while (elapsed < RUN_MS) {
      count += await round();
      elapsed = cpuMs() - start;
    }
    if (run > 0) result.push((count / elapsed) * 1000);
  }
  return result;
}

const benchmark: Benchmark = async () => {
  const flow = loadShop();
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  checkScript(flow, random);

  let now = Date.UTC(2026, 0, 5, 9);
  let session = newSession(flow.revision, { id: 'bench', first_name: 'Anna' });
  const steps = await rates(() => {
    for (const event of SCRIPT) {
      now += 1000;
      session = step(flow, session, event, { now, random }).session;
    }
    return SCRIPT.length;
  });

  const active: ActiveFlow = { flowId: 'shop', revision: flow.revision, flow };
  const processor = createEngineProcessor({ log: SILENT, now: () => now, random });
  const stored = SCRIPT.map(webhookEvent);
  let state: string | null = null;
  let sent = 0;
  const turn = async (text: string, id: number): Promise<void> => {
    now += 1000;
    const event: StoredEvent = {
      id,
      pageId: PAGE,
      psid: PSID,
      dedupeKey: `m_${id}`,
      timestamp: now,
      channel: 'messaging',
      event: JSON.parse(text),
      fromUser: true,
    };
    const record: SessionRecord = {
      pageId: PAGE,
      psid: PSID,
      state: state === null ? null : parseState(state),
      lastUserAt: now - 1000,
      wakeAt: null,
    };
    const result = await processor.run({ flow: active, session: record, event, now });
    if (result.status !== 'done') throw new Error(`event ${id} was skipped`);
    state = stateText(result.state);
    for (const row of result.outbox) sent += JSON.stringify(row.body).length > 0 ? 1 : 0;
  };
  for (const [i, text] of stored.entries()) await turn(text, i); // guard: every event answers
  if (sent < SCRIPT.length) throw new Error(`the webhook script sent only ${sent} bodies`);
  const events = await rates(async () => {
    for (const [i, text] of stored.entries()) await turn(text, i);
    return stored.length;
  });

  return [
    medianFigure('engine.steps_per_s', steps, 'steps/s', 0),
    medianFigure('engine.events_per_s', events, 'events/s', 0),
  ];
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
