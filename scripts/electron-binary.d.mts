export function installedElectronBinary(): string | null;
export function ensureElectronBinary(options?: { quiet?: boolean }): string | null;
