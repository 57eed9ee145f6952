import { useDesigner } from '../../hooks/useDesigner';

/** Error or warning count of one node, from the linter. */
export function ProblemBadge({ nodeId }: { nodeId: string }) {
  const counts = useDesigner((s) => s.problemsByNode[nodeId]);
  if (!counts) return null;
  const isError = counts.errors > 0;
  const count = isError ? counts.errors : counts.warnings;
  const what = isError ? 'error' : 'warning';
  return (
    <span
      className={`tl-badge ${isError ? 'is-error' : 'is-warning'}`}
      title={`${count} ${what}${count === 1 ? '' : 's'}`}
      aria-label={`${count} ${what}${count === 1 ? '' : 's'}`}
    >
      {count}
    </span>
  );
}
