export function run(
  root: string,
  options?: { check?: boolean },
): Promise<{
  wrong: { file: string; spec: string; target: string; entry: string }[];
  changed: string[];
}>;
