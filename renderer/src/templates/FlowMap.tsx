// A template's flow in miniature: one box per node at its position, one line per edge.
import type { FlowDocument } from '../../../flows';
import { NODE_INFO } from '../nodeTypes/info';

const WIDTH = 300;
const HEIGHT = 150;
/** A node's size in flow coordinates, as the canvas draws most of them. */
const NODE = { width: 240, height: 90 };

export function FlowMap({ doc, label }: { doc: FlowDocument; label: string }) {
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const spanX = Math.max(...xs) + NODE.width - left;
  const spanY = Math.max(...ys) + NODE.height - top;
  const scale = Math.min(WIDTH / spanX, HEIGHT / spanY);
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  const x = (v: number) => (v - left) * scale;
  const y = (v: number) => (v - top) * scale;
  return (
    <svg
      role="img"
      aria-label={label}
      className="tl-flow-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
    >
      {doc.edges.map((e) => {
        const from = at.get(e.source);
        const to = at.get(e.target);
        if (!from || !to) return null;
        return (
          <line
            key={e.id}
            x1={x(from.x + NODE.width)}
            y1={y(from.y + NODE.height / 2)}
            x2={x(to.x)}
            y2={y(to.y + NODE.height / 2)}
          />
        );
      })}
      {doc.nodes.map((n) => (
        <rect
          key={n.id}
          className={`tl-group-${NODE_INFO[n.type].group.toLowerCase()}`}
          x={x(n.position.x)}
          y={y(n.position.y)}
          width={NODE.width * scale}
          height={NODE.height * scale}
          rx={3}
        />
      ))}
    </svg>
  );
}
