// The baseline of `npm run bench -- designer`: bare React Flow with the generated flow's nodes as
// default nodes (a label each) and its edges, React Flow's defaults otherwise (minZoom lowered so
// that fit view shows the whole flow, as the designer's does). `?n=2000` sets the size.
import {
  applyNodeChanges,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { generateFlow } from '../../bench/generate-flow';

declare global {
  interface Window {
    /** Lets the benchmark set the zoom the same way for both apps. */
    bareFlow?: { fit(): void; zoomTo(zoom: number, x: number, y: number): void };
  }
}

const n = Number(new URLSearchParams(location.search).get('n') ?? 2000);
const flow = generateFlow(n);
const initialNodes: Node[] = flow.nodes.map((node) => ({
  id: node.id,
  position: node.position,
  data: { label: node.id },
}));
const edges: Edge[] = flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const rf = useReactFlow();
  useEffect(() => {
    window.bareFlow = {
      fit: () => void rf.fitView(),
      zoomTo: (zoom, x, y) => void rf.setCenter(x, y, { zoom }),
    };
  }, [rf]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={(changes) => setNodes((current) => applyNodeChanges(changes, current))}
      fitView
      minZoom={0.05}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Bare />
  </ReactFlowProvider>,
);
