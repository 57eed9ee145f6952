// IPC names that the sandboxed preload needs at run time. Kept apart from host-api.ts so the
// preload bundle does not pull in zod.

/** Main → renderer: a command from the application menu, `(command, arg?)`. */
export const MENU_COMMAND_CHANNEL = 'menu.command';
