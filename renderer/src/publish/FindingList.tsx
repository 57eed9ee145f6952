// Lint findings in the dialog: node id, message and code, one a line.
import type { FindingLine } from './machine';
import { lintMessageNow } from '../i18n/lint';
import { useLanguage } from '../i18n';

export function FindingList({ findings, label }: { findings: FindingLine[]; label: string }) {
  useLanguage();
  return (
    <ul className="tl-notice-lines" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i}>
          {f.nodeId ? `${f.nodeId}: ` : ''}
          {lintMessageNow(f)} ({f.code})
        </li>
      ))}
    </ul>
  );
}
