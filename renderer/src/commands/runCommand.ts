import type { Command, CommandContext } from './command';

/** Performs a command; a failure is shown to the user rather than lost in the console. */
export function runCommand(context: CommandContext, command: Command): void {
  const report = (error: unknown) =>
    context.ui.getState().set({
      notice: {
        title: `${command.label} failed`,
        lines: [error instanceof Error ? error.message : String(error)],
      },
    });
  try {
    const result = command.perform(context);
    if (result instanceof Promise) result.catch(report);
  } catch (error) {
    report(error);
  }
}
