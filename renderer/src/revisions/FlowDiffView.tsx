// A semantic diff (flows/diff) in words: per node its texts before and after, its buttons, quick
// replies, cards, branches and variants added, removed or renamed, its rewired connections and
// changed settings; then the flow's own settings and variables. Each node entry links to its node
// on the canvas (when the node exists in the draft).
import { useTranslation } from 'react-i18next';
import type {
  ConnectionChange,
  FlowDiff,
  ItemChange,
  NodeChange,
  SettingChange,
  TextChange,
  VariableChange,
} from '../../../flows';
import { isEmptyDiff } from '../../../flows';
import './revisions.css';
import { tKey } from '../i18n';
import { useNodeName } from '../hooks/useNodeName';

export function FlowDiffView(props: {
  diff: FlowDiff;
  /** Shows a node on the canvas; removed nodes are not there and get no link. */
  onShowNode: (id: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const { diff } = props;
  if (isEmptyDiff(diff)) return <p>{t('publish.noNodeChanged')}</p>;
  const counts = (['added', 'removed', 'changed'] as const)
    .filter((c) => diff[c].length > 0)
    .map((c) => t(`publish.${c}`, { count: diff[c].length }));
  return (
    <div className="tl-diff">
      {counts.length > 0 && <p className="tl-diff-counts">{counts.join(' · ')}</p>}
      {diff.nodes.length > 0 && (
        <ul className="tl-diff-nodes" aria-label={t('diff.nodes')}>
          {diff.nodes.map((node) => (
            <NodeEntry key={node.nodeId} node={node} onShowNode={props.onShowNode} />
          ))}
        </ul>
      )}
      {(diff.flow.length > 0 || diff.variables.length > 0) && (
        <section aria-label={t('diff.flowSettings')} className="tl-diff-flow">
          <h4>{t('diff.flowSettings')}</h4>
          <ul>
            {diff.flow.map((s) => (
              <SettingLine key={s.path} change={s} />
            ))}
            {diff.variables.map((v) => (
              <VariableLine key={v.name} change={v} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function NodeEntry({ node, onShowNode }: { node: NodeChange; onShowNode: (id: string) => void }) {
  const { t } = useTranslation();
  const type = tKey(`nodes.${node.type}.label`, node.type);
  const name = useNodeName(node.nodeId);
  const named = name !== undefined && name !== node.nodeId;
  return (
    <li className={`tl-diff-node is-${node.change}`}>
      <div className="tl-diff-node-head">
        {node.change === 'removed' ? (
          <span className="tl-mono">{node.nodeId}</span>
        ) : (
          <button
            type="button"
            className="tl-link"
            onClick={() => onShowNode(node.nodeId)}
            title={t('diff.showNode')}
          >
            {named && <>{name} </>}
            <code className={named ? 'tl-muted' : undefined}>{node.nodeId}</code>
          </button>
        )}{' '}
        <span className="tl-muted">
          {type} · {t(`diff.change.${node.change}`)}
          {node.typeBefore !== undefined &&
            ` · ${t('diff.typeChanged', { before: tKey(`nodes.${node.typeBefore}.label`, node.typeBefore) })}`}
        </span>
      </div>
      {node.change !== 'removed' && (
        <ul className="tl-diff-details">
          {node.texts.map((c) => (
            <TextLine key={`t-${c.path}`} change={c} />
          ))}
          {node.items.map((c) => (
            <ItemLine key={`i-${c.kind}-${c.id}`} change={c} />
          ))}
          {node.connections.map((c) => (
            <ConnectionLine key={`c-${c.handle}`} change={c} />
          ))}
          {node.settings.map((c) => (
            <SettingLine key={`s-${c.path}`} change={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

function TextLine({ change }: { change: TextChange }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="tl-muted">{change.path}: </span>
      {change.before !== undefined && <del>{change.before}</del>}
      {change.before !== undefined && change.after !== undefined && ' → '}
      {change.after !== undefined && <ins>{change.after}</ins>}
      {change.before === undefined && change.after === undefined && t('diff.empty')}
    </li>
  );
}

function ItemLine({ change }: { change: ItemChange }) {
  const { t } = useTranslation();
  const kind = t(`diff.item.${change.kind}`);
  const title = change.after ?? change.before ?? change.id;
  switch (change.change) {
    case 'renamed':
      return (
        <li>
          {t('diff.itemRenamed', { kind, before: change.before ?? '', after: change.after ?? '' })}
          {change.fields.length > 0 && ` (${change.fields.join(', ')})`}
        </li>
      );
    case 'changed':
      return <li>{t('diff.itemChanged', { kind, title, fields: change.fields.join(', ') })}</li>;
    default:
      return (
        <li>{t(`diff.item${change.change === 'added' ? 'Added' : 'Removed'}`, { kind, title })}</li>
      );
  }
}

function ConnectionLine({ change }: { change: ConnectionChange }) {
  const { t } = useTranslation();
  const { handle } = change;
  const beforeName = useNodeName(change.before);
  const afterName = useNodeName(change.after);
  const before = change.before === null ? null : (beforeName ?? change.before);
  const after = change.after === null ? null : (afterName ?? change.after);
  if (before === null && after !== null) return <li>{t('diff.connected', { handle, after })}</li>;
  if (after === null && before !== null)
    return <li>{t('diff.disconnected', { handle, before })}</li>;
  return <li>{t('diff.rewired', { handle, before: before ?? '', after: after ?? '' })}</li>;
}

function SettingLine({ change }: { change: SettingChange }) {
  return (
    <li>
      <span className="tl-muted">{change.path}: </span>
      <ValueChange before={change.before} after={change.after} />
    </li>
  );
}

function VariableLine({ change }: { change: VariableChange }) {
  const { t } = useTranslation();
  const describe = (v: VariableChange['before']) =>
    v ? `${v.type}${v.default !== undefined ? ` = ${short(v.default)}` : ''}` : undefined;
  return (
    <li>
      {t(`diff.variable.${change.change}`, { name: change.name })}
      {change.change === 'changed' && (
        <>
          : <ValueChange before={describe(change.before)} after={describe(change.after)} raw />
        </>
      )}
    </li>
  );
}

function ValueChange(props: { before: unknown; after: unknown; raw?: boolean }) {
  const show = (v: unknown) => (props.raw ? String(v) : short(v));
  if (props.before === undefined) return <ins>{show(props.after)}</ins>;
  if (props.after === undefined) return <del>{show(props.before)}</del>;
  return (
    <>
      <del>{show(props.before)}</del> → <ins>{show(props.after)}</ins>
    </>
  );
}

/** A value in a line: strings quoted, anything else as JSON, cut at 120 characters. */
function short(value: unknown): string {
  const text = typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
