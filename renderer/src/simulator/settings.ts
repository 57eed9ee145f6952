// The tester's simulator settings: the simulated user's profile, the split seed, whether HTTP nodes
// call out for real, and canned HTTP answers per node. View state, never part of the flow file.
import { z } from 'zod';

export const CannedAnswer = z.union([
  z.strictObject({ status: z.number().int().min(100).max(599), body: z.string() }),
  z.strictObject({ error: z.string() }),
]);
export type CannedAnswer = z.infer<typeof CannedAnswer>;

export const SimulatorSettings = z.strictObject({
  user: z.strictObject({
    first_name: z.string(),
    last_name: z.string(),
    locale: z.string(),
  }),
  /** What Messenger's user_email / user_phone_number quick replies fill in from the profile. */
  contact: z.strictObject({ email: z.string(), phone: z.string() }),
  seed: z.number().int(),
  liveHttp: z.boolean(),
  /** Canned answers by node id, used instead of calling out. */
  canned: z.record(z.string(), CannedAnswer),
});
export type SimulatorSettings = z.infer<typeof SimulatorSettings>;

export const defaultSettings: SimulatorSettings = {
  user: { first_name: 'Anna', last_name: 'Tester', locale: 'en_US' },
  contact: { email: 'anna@example.com', phone: '+4915123456789' },
  seed: 1,
  liveHttp: true,
  canned: {},
};

const KEY = 'threadline.simulator.settings';

/** Settings saved in the renderer's local storage; defaults when absent or unreadable. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): SimulatorSettings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return defaultSettings;
    const parsed = SimulatorSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultSettings;
  } catch {
    return defaultSettings;
  }
}

export function saveSettings(
  storage: Pick<Storage, 'setItem'> | undefined,
  settings: SimulatorSettings,
) {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: settings then last for this window only.
  }
}
