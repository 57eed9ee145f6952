// The four publish steps with their state: a spinner on the running one.
import { PUBLISH_STEPS, type PublishState, type PublishStep, type StepStatus } from './machine';

const LABELS: Record<PublishStep, string> = {
  lint: 'Check the flow',
  compile: 'Compile',
  compare: 'Compare with the published revision',
  upload: 'Upload to the runtime',
};

const STATUS_WORDS: Record<StepStatus, string> = {
  waiting: 'waiting',
  running: 'running',
  done: 'done',
  failed: 'failed',
};

export function StepList({ steps }: { steps: PublishState['steps'] }) {
  return (
    <ol className="tl-publish-steps" aria-label="Publish steps">
      {PUBLISH_STEPS.map((step) => {
        const status = steps[step];
        return (
          <li key={step} className={`tl-step-${status}`} aria-busy={status === 'running'}>
            <span className="tl-step-icon" aria-hidden="true">
              {status === 'running' ? <span className="tl-spinner" /> : ICONS[status]}
            </span>
            <span>{LABELS[step]}</span>
            <span className="tl-visually-hidden">: {STATUS_WORDS[status]}</span>
          </li>
        );
      })}
    </ol>
  );
}

const ICONS: Record<Exclude<StepStatus, 'running'>, string> = {
  waiting: '○',
  done: '✓',
  failed: '✕',
};
