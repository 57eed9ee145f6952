// The simulator's state: the shared ChatSimulator (flows/engine/simulator) running the compiled
// draft, plus what the panel needs around it. Everything on screen is derived from `turns`, so
// time travel is ChatSimulator.rewind and nothing else. No DOM here: vitest runs it in node.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HttpRequest, HttpResponse } from '../../../electron/host-api';
import {
  compileFlow,
  type CompiledFlow,
  type CompileResult,
  type FlowDocument,
  type LintFinding,
} from '../../../flows';
import {
  type EngineEvent,
  type Session,
  type VariableValue,
  ChatSimulator,
  type HttpAnswerLike,
  type SimulatorTurn,
} from '../../../flows/engine';
import { computeHighlight, noHighlight, type Highlight } from './highlight';
import { createHttpResolver, type HttpPrompt } from './httpResolver';
import { defaultSettings, type CannedAnswer, type SimulatorSettings } from './settings';

export interface SimulatorState {
  /** `blocked`: the draft has lint errors (in `findings`) and cannot run. */
  phase: 'off' | 'blocked' | 'ready';
  findings: readonly LintFinding[];
  /** The flow the chat runs, and the designer's current draft (they differ after an edit). */
  running: CompiledFlow | null;
  draft: CompiledFlow | null;
  turns: readonly SimulatorTurn[];
  session: Session | null;
  now: number;
  /** An event is being handled (possibly waiting for an HTTP answer). */
  busy: boolean;
  httpPrompt: HttpPrompt | null;
  settings: SimulatorSettings;
  /** The split seed the running chat started with (settings.seed may have changed since). */
  runSeed: number;
  /** The tester changed variables or tags by hand: a recording cannot replay that. */
  edited: boolean;
  highlight: Highlight;
  /** The panel is open: only then does the canvas show the chat's path. */
  visible: boolean;

  setVisible(visible: boolean): void;
  /** Compiles the document and runs it, as loadCompiled does. */
  loadDraft(doc: FlowDocument): void;
  /** Runs a compiled draft, or shows its lint errors when it did not compile. */
  loadCompiled(result: CompileResult): void;
  restart(): void;
  /** Keeps the chat and continues on the draft, as a republished flow would. */
  continueOnDraft(): void;
  send(event: EngineEvent): Promise<void>;
  skipDelay(): Promise<void>;
  /** Back to the state after the first `count` turns. */
  rewind(count: number): void;
  setVariable(name: string, value: VariableValue | undefined): void;
  setTag(tag: string, present: boolean): void;
  updateSettings(patch: Partial<SimulatorSettings>): void;
  setCanned(step: string, answer: CannedAnswer | null): void;
  answerHttp(answer: HttpAnswerLike): void;
}

export type SimulatorStore = StoreApi<SimulatorState>;

export interface SimulatorDeps {
  callHost(request: HttpRequest): Promise<HttpResponse>;
  settings?: SimulatorSettings;
  onSettings?(settings: SimulatorSettings): void;
}

export function createSimulatorStore(deps: SimulatorDeps): SimulatorStore {
  let sim: ChatSimulator | null = null;
  return createStore<SimulatorState>()((set, get) => {
    const http = createHttpResolver({
      settings: () => get().settings,
      callHost: deps.callHost,
      ask: (prompt) => new Promise((resolve) => set({ httpPrompt: { ...prompt, resolve } })),
    });

    /** Copies the simulator's state into the store (new arrays, so subscribers see a change). */
    const sync = (patch: Partial<SimulatorState> = {}) => {
      const turns = sim ? [...sim.turns] : [];
      set({
        turns,
        session: sim?.session ?? null,
        now: sim?.now ?? 0,
        highlight: turns.length ? computeHighlight(turns) : noHighlight,
        ...patch,
      });
    };

    const start = (flow: CompiledFlow) => {
      const { user, seed } = get().settings;
      sim = new ChatSimulator(flow, { user, seed, http });
      sync({ running: flow, runSeed: seed, edited: false, busy: false, httpPrompt: null });
    };

    /** Runs one simulator call at a time; the panel disables input while busy. */
    const drive = async (work: (s: ChatSimulator) => Promise<unknown>) => {
      if (!sim || get().busy) return;
      const current = sim;
      set({ busy: true });
      try {
        await work(current);
      } finally {
        if (sim === current) sync({ busy: false, httpPrompt: null });
      }
    };

    const editSession = (recipe: (s: Session) => Session) => {
      if (!sim || get().busy) return;
      sim.session = recipe(sim.session);
      // The newest turn keeps the edit too, so going back to it shows the state the tester made.
      const last = sim.turns[sim.turns.length - 1];
      if (last) sim.turns[sim.turns.length - 1] = { ...last, session: sim.session };
      sync({ edited: true });
    };

    return {
      phase: 'off',
      findings: [],
      running: null,
      draft: null,
      turns: [],
      session: null,
      now: 0,
      busy: false,
      httpPrompt: null,
      settings: deps.settings ?? defaultSettings,
      runSeed: (deps.settings ?? defaultSettings).seed,
      edited: false,
      highlight: noHighlight,
      visible: false,

      setVisible(visible) {
        set({ visible });
      },
      loadDraft(doc) {
        get().loadCompiled(compileFlow(doc));
      },
      loadCompiled(result) {
        if (!result.ok) {
          set({ phase: 'blocked', findings: result.findings, draft: null });
          return;
        }
        const { running } = get();
        set({ phase: 'ready', findings: [], draft: result.compiled });
        // Another file, or nothing said yet: nothing to lose, so run the draft at once. Otherwise
        // the panel offers to restart or to continue on the new version.
        if (!sim || running?.flowId !== result.compiled.flowId || !sim.turns.length)
          start(result.compiled);
      },
      restart() {
        get().httpPrompt?.resolve({ error: 'the simulation was restarted' });
        const flow = get().draft;
        if (flow) start(flow);
      },
      continueOnDraft() {
        const flow = get().draft;
        if (!sim || !flow || get().busy) return;
        sim.republish(flow);
        sync({ running: flow });
      },
      send: (event) => drive((s) => s.send(event)),
      skipDelay: () => drive((s) => s.skipDelay()),
      rewind(count) {
        if (!sim || get().busy) return;
        sim.rewind(count);
        sync();
      },
      setVariable(name, value) {
        editSession((s) => {
          const variables = { ...s.variables };
          if (value === undefined) delete variables[name];
          else variables[name] = value;
          return { ...s, variables };
        });
      },
      setTag(tag, present) {
        editSession((s) => ({
          ...s,
          tags: present ? [...new Set([...s.tags, tag])] : s.tags.filter((t) => t !== tag),
        }));
      },
      updateSettings(patch) {
        const settings = { ...get().settings, ...patch };
        set({ settings });
        deps.onSettings?.(settings);
        // The profile is the session's, so a new name or locale shows in the next message.
        if (patch.user && sim) {
          sim.session = { ...sim.session, user: { ...sim.session.user, ...patch.user } };
          sync();
        }
      },
      setCanned(step, answer) {
        const canned = { ...get().settings.canned };
        if (answer) canned[step] = answer;
        else delete canned[step];
        get().updateSettings({ canned });
      },
      answerHttp(answer) {
        const prompt = get().httpPrompt;
        if (!prompt) return;
        set({ httpPrompt: null });
        prompt.resolve(answer);
      },
    };
  });
}
