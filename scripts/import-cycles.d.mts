export const CYCLE_ROOTS: string[];
export function sourceFiles(dir: string): string[];
export function runtimeImports(source: string, fileName?: string): string[];
export function resolveImport(fromFile: string, spec: string): string | undefined;
export function importGraph(root: string, dirs?: string[]): Map<string, string[]>;
export function stronglyConnected(graph: Map<string, string[]>): string[][];
export function cycleIn(graph: Map<string, string[]>, component: string[]): string[];
export function findCycles(root: string, dirs?: string[]): { files: string[]; chain: string[] }[];
