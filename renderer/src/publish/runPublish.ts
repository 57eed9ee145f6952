// Performs the publish steps and reports each to the state machine. The host and the lint/compile
// functions are injected, so tests drive it with a fake runtime.
import { t } from '../i18n';
import { lintMessageNow } from '../i18n/lint';
import { HostError, type HostApi } from '../../../electron/host-api';
import { compileFlow, lintFlow, type LintFinding } from '../../../flows';
import type { FlowDocument } from '../../../flows/schema';
import type { FindingLine, PublishEvent } from './machine';
import type { PublishedCache } from './publishedCache';
import { describeHostError, noToken, readActive, readPublishResult } from './runtimeAnswers';
import { readWaiting } from './runtimeReads';

export interface PublishDeps {
  runtime: HostApi['runtime'];
  cache: PublishedCache;
  dispatch(event: PublishEvent): void;
}

/** Lint, compile and compare; stops at the first failure. Returns the compiled JSON to upload. */
export async function preparePublish(
  deps: PublishDeps,
  doc: FlowDocument,
): Promise<{ flowId: string; json: string } | null> {
  const findings = lintFlow(doc);
  const lines = (severity: LintFinding['severity']) =>
    findings.filter((f) => f.severity === severity).map(toLine);
  deps.dispatch({ type: 'linted', errors: lines('error'), warnings: lines('warning') });
  if (lines('error').length > 0) return null;

  const compiled = compileFlow(doc, { findings });
  if (!compiled.ok) {
    deps.dispatch({
      type: 'failed',
      failure: {
        kind: 'lint',
        title: t('publishFailure.notCompiled'),
        lines: compiled.findings.map((f) => lintMessageNow(f)),
      },
    });
    return null;
  }
  deps.dispatch({ type: 'compiled', compiled: compiled.compiled });

  const connection = await deps.runtime.connection().catch(() => null);
  if (!connection) {
    deps.dispatch({
      type: 'failed',
      failure: describeHostError(
        new HostError('no-runtime', 'runtime', t('publishFailure.noRuntime')),
        null,
      ),
    });
    return null;
  }
  if (!connection.hasToken) {
    deps.dispatch({ type: 'failed', failure: noToken(connection.url) });
    return null;
  }
  try {
    const active = readActive(await deps.runtime.active(doc.id));
    const flow = active && (active.flow ?? deps.cache.recall(doc.id, active.revision));
    const waiting = active && flow ? await waitingCounts(deps, doc.id, active.revision) : null;
    deps.dispatch({
      type: 'compared',
      previous: active && { revision: active.revision, flow },
      waiting,
    });
  } catch (error) {
    deps.dispatch({ type: 'failed', failure: describeHostError(error, connection.url) });
    return null;
  }
  return { flowId: doc.id, json: compiled.json };
}

/**
 * Sessions waiting per node of the active revision, or null when the runtime does not say (an
 * older runtime without the route, or an answer about another revision).
 */
async function waitingCounts(
  deps: PublishDeps,
  flowId: string,
  revision: string,
): Promise<Record<string, number> | null> {
  try {
    const answer = readWaiting(await deps.runtime.waiting(flowId));
    return answer && answer.revision === revision ? answer.nodes : null;
  } catch {
    return null;
  }
}

/**
 * Uploads the compiled flow, with the moves of the sessions waiting at stranded nodes when there
 * are any; on success keeps a copy for the next comparison.
 */
export async function uploadPublish(
  deps: PublishDeps,
  prepared: { flowId: string; json: string },
  url: string | null,
  moves: Record<string, string | null> = {},
): Promise<void> {
  try {
    const hasMoves = Object.keys(moves).length > 0;
    const answer = readPublishResult(
      await deps.runtime.publish(prepared.flowId, prepared.json, hasMoves ? moves : undefined),
    );
    if (!answer.ok) return deps.dispatch({ type: 'failed', failure: answer.failure });
    deps.cache.remember(JSON.parse(prepared.json));
    deps.dispatch({ type: 'uploaded', revision: answer.revision });
  } catch (error) {
    deps.dispatch({ type: 'failed', failure: describeHostError(error, url) });
  }
}

function toLine(finding: LintFinding): FindingLine {
  return {
    nodeId: finding.nodeId ?? null,
    code: finding.code,
    message: finding.message,
    ...(finding.text ? { text: finding.text } : {}),
  };
}
