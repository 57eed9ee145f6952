// React Flow's nodeTypes: one component per node type of docs/format.md §1 (each type's `component` in
// the catalog). A constant, so React Flow never sees a new object.
import type { NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../../../flows/schema';
import { NODE_CATALOG } from '../nodeTypes/catalog';

export const NODE_COMPONENTS: NodeTypes = Object.fromEntries(
  NODE_TYPES.map((type) => [type, NODE_CATALOG[type].component]),
);
