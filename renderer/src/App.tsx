// Placeholder designer: shows the welcome flow on a React Flow canvas until the real designer lands.
import { Background, Controls, MiniMap, ReactFlow, type Edge, type Node } from '@xyflow/react';
import welcome from '../../flows/examples/welcome.flow.json';

const nodes: Node[] = welcome.nodes.map((n) => ({
  id: n.id,
  position: n.position,
  data: { label: `${n.type}: ${n.id}` },
}));
const edges: Edge[] = welcome.edges.map((e) => ({
  id: e.id,
  source: e.source,
  target: e.target,
}));

export function App() {
  return (
    <main style={{ width: '100vw', height: '100vh' }}>
      <section aria-label="Canvas" style={{ width: '100%', height: '100%' }}>
        <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView>
          <Background />
          <MiniMap />
          <Controls />
        </ReactFlow>
      </section>
    </main>
  );
}
