// The baseline of `npm run bench -- designer`: bare React Flow with a flow's nodes as default
// nodes (a label each) and its edges, React Flow's defaults otherwise (minZoom lowered so that fit
// view shows the whole flow, as the designer's does). `?path=FILE` names the flow, read through
// the host like the designer reads it; `&visible=1` turns on onlyRenderVisibleElements, React
// Flow's fastest setting for a large flow, which the benchmark compares against too.
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
import { FlowDocument } from '../../flows';
import { getHost } from '../src/host';

declare global {
  interface Window {
    /** Lets the benchmark set the zoom the same way for both apps. */
    bareFlow?: { fit(): void; zoomTo(zoom: number, x: number, y: number): void };
  }
}

interface BareProps {
  initialNodes: Node[];
  edges: Edge[];
  onlyVisible: boolean;
}

function Bare({ initialNodes, edges, onlyVisible }: BareProps) {
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
      onlyRenderVisibleElements={onlyVisible}
      minZoom={0.05}
    />
  );
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const path = params.get('path') ?? '';
  const onlyVisible = params.get('visible') === '1';
  const file = await getHost().documents.open(path);
  const flow = FlowDocument.parse(JSON.parse(file.text));
  const initialNodes: Node[] = flow.nodes.map((node) => ({
    id: node.id,
    position: node.position,
    data: { label: node.id },
  }));
  const edges: Edge[] = flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

  createRoot(document.getElementById('root')!).render(
    <ReactFlowProvider>
      <Bare initialNodes={initialNodes} edges={edges} onlyVisible={onlyVisible} />
    </ReactFlowProvider>,
  );
}

void start();
