/** Whether shortcuts read ⌘ (macOS) or Ctrl. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
