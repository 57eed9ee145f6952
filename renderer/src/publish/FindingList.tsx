// Lint findings in the dialog: node id, message and code, one a line.
import type { FindingLine } from './machine';

export function FindingList({ findings, label }: { findings: FindingLine[]; label: string }) {
  return (
    <ul className="tl-notice-lines" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i}>
          {f.nodeId ? `${f.nodeId}: ` : ''}
          {f.message} ({f.code})
        </li>
      ))}
    </ul>
  );
}
