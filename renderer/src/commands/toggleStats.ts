import { toggleStats as toggle } from '../stats/statsActions';
import type { Command } from './command';

// Shows or hides the connected runtime's counts on the canvas nodes.
export const toggleStats: Command = {
  id: 'toggleStats',
  label: 'Show stats',
  shortcuts: [],
  history: 'none',
  perform: (context) => toggle(context),
};
