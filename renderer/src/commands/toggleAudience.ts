import { toggleAudience as toggle } from '../audience/audienceActions';
import type { Command } from './command';

// Opens or closes the Audience view: the connected runtime's subscribers and broadcasts.
export const toggleAudience: Command = {
  id: 'toggleAudience',
  label: 'Audience',
  shortcuts: [],
  history: 'none',
  perform: () => toggle(),
};
