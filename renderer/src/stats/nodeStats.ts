// Pure: one node's counts as the overlay shows them, and the CSV of every node's counts.
// Clicks come per button and quick reply, each with its share of the node's entries; split
// variants with their picks and share of all picks; drop-off is the entries that never went on
// (the runtime's count; before runtimes counted it, entries minus taps at nodes that wait for a
// tap); conversion is the share of a variant's users who reached the goal node, when the runtime
// answers for a goal.
import type { FlowNode } from '../../../flows/schema';
import { handleRows, type HandleRow } from '../nodeTypes/handleLabels';
import type { NodeStats, StatsAnswer } from '../publish/runtimeReads';

export interface OutputStats {
  handle: string;
  label: string;
  kind: HandleRow['kind'];
  count: number;
  /** count / entered (for a variant: of all picks), null when nobody entered. */
  share: number | null;
  /** With a goal: who took this output and then reached the goal. */
  converted: number | null;
  conversion: number | null;
}

export interface NodeStatsView {
  entered: number;
  sent: number;
  dropped: number;
  dropOff: number | null;
  outputs: OutputStats[];
}

const COUNTED: ReadonlySet<HandleRow['kind']> = new Set(['button', 'reply', 'variant']);

export function nodeStatsView(node: FlowNode, stats: NodeStats | undefined): NodeStatsView {
  const counts = stats ?? { entered: 0, sent: 0, dropped: 0, clicked: {} };
  const ratio = (n: number, of: number) => (of > 0 ? n / of : null);
  const outputs = handleRows(node)
    .filter((row) => COUNTED.has(row.kind))
    .map((row): OutputStats => {
      const variant =
        row.kind === 'variant' ? stats?.variants?.[row.handle.slice('variant:'.length)] : undefined;
      const count = variant ? variant.picked : (counts.clicked[row.handle] ?? 0);
      const id = row.handle.slice(row.handle.indexOf(':') + 1);
      const converted = stats?.converted ? (stats.converted[id] ?? 0) : null;
      return {
        ...row,
        count,
        share: variant ? variant.share : ratio(count, counts.entered),
        converted,
        conversion: converted === null ? null : ratio(converted, count),
      };
    });
  const taps = outputs.filter((o) => o.kind === 'button' || o.kind === 'reply');
  const dropOff =
    stats?.dropOff ??
    (taps.length > 0
      ? Math.max(0, counts.entered - taps.reduce((sum, o) => sum + o.count, 0))
      : null);
  return { entered: counts.entered, sent: counts.sent, dropped: counts.dropped, dropOff, outputs };
}

/** The CSV columns' names, in the designer's language. */
export interface CsvHeads {
  node: string;
  type: string;
  output: string;
  entered: string;
  sent: string;
  dropped: string;
  clicks: string;
  share: string;
  dropOff: string;
  converted: string;
}

/**
 * One row per node (its totals), then one per counted output (its clicks and share of the
 * node's entries, and with a goal who reached it). RFC 4180 quoting; shares as decimals.
 */
export function statsCsv(nodes: readonly FlowNode[], data: StatsAnswer, heads: CsvHeads): string {
  const rows: (string | number | null)[][] = [
    [
      heads.node,
      heads.type,
      heads.output,
      heads.entered,
      heads.sent,
      heads.dropped,
      heads.dropOff,
      heads.clicks,
      heads.share,
      heads.converted,
    ],
  ];
  for (const node of nodes) {
    if (node.type === 'note') continue;
    const view = nodeStatsView(node, data.nodes[node.id]);
    rows.push([
      node.id,
      node.type,
      '',
      view.entered,
      view.sent,
      view.dropped,
      view.dropOff,
      '',
      '',
      '',
    ]);
    for (const o of view.outputs)
      rows.push([
        node.id,
        node.type,
        o.label,
        '',
        '',
        '',
        '',
        o.count,
        o.share === null ? '' : o.share.toFixed(4),
        o.converted,
      ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when needed; a leading = + - @ is defused so that spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
