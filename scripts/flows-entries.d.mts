export function isFlowsCode(path: string): boolean;
export function flowsEntryFor(root: string, path: string): string | undefined;
export function isFlowsEntry(root: string, path: string): boolean;
