// The four publish steps with their state: a spinner on the running one.
import { useTranslation } from 'react-i18next';
import { PUBLISH_STEPS, type PublishState, type StepStatus } from './machine';

export function StepList({ steps }: { steps: PublishState['steps'] }) {
  const { t } = useTranslation();
  return (
    <ol className="tl-publish-steps" aria-label={t('publish.steps')}>
      {PUBLISH_STEPS.map((step) => {
        const status = steps[step];
        return (
          <li key={step} className={`tl-step-${status}`} aria-busy={status === 'running'}>
            <span className="tl-step-icon" aria-hidden="true">
              {status === 'running' ? <span className="tl-spinner" /> : ICONS[status]}
            </span>
            <span>{t(`publish.step.${step}`)}</span>
            <span className="tl-visually-hidden">: {t(`publish.stepStatus.${status}`)}</span>
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
