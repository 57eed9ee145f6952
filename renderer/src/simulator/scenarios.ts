// Running a flow's scenario files from the designer, the same way `threadline test` does: parse
// each file (zod), keep those written for this flow, and replay them with flows/scenario's runner
// against the current draft.
import type { OpenedFile } from '../../../electron/host-api';
import type { CompiledFlow } from '../../../flows';
import { parseScenario, runScenario, scenarioMessage } from '../../../flows/scenario';
import { languageStore, t } from '../i18n';
import { formatLocale } from '../i18n/format';
import { lintMessageNow } from '../i18n/lint';

export interface ScenarioRun {
  path: string;
  name: string;
  passed: boolean;
  /** Why it failed: a parse problem, or the failing step with what was expected and sent. */
  messages: string[];
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The files among `files` that are scenarios of the flow file `flowPath`, replayed on `flow`. */
export function runScenarioFiles(
  flow: CompiledFlow,
  flowPath: string,
  files: readonly OpenedFile[],
): ScenarioRun[] {
  const flowFile = baseName(flowPath);
  return files.flatMap((file): ScenarioRun[] => {
    const parsed = parseScenario(file.text, baseName(file.path));
    if (!parsed.ok)
      return [
        {
          path: file.path,
          name: baseName(file.path),
          passed: false,
          messages: [lintMessageNow(parsed)],
        },
      ];
    if (baseName(parsed.scenario.flow) !== flowFile) return [];
    const result = runScenario(flow, parsed.scenario);
    return [
      {
        path: file.path,
        name: parsed.scenario.name,
        passed: result.passed,
        messages: result.failures.map((f) =>
          t('simNotes.scenarioStep', {
            step: f.stepIndex + 1,
            message: scenarioMessage(f, languageStore.getState().language, formatLocale()),
          }),
        ),
      },
    ];
  });
}
