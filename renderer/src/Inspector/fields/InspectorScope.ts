import { createContext } from 'react';

/** The node the inspector edits (null for the flow settings), so fields find their problems. */
export const InspectorScope = createContext<string | null>(null);
