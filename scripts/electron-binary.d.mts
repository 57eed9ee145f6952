export const NO_BINARY_REASON: string;
export function installedElectronBinary(): string | null;
export function ensureElectronBinary(options?: { quiet?: boolean }): string | null;
