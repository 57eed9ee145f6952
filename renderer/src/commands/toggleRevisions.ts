import { toggleRevisions as toggle } from '../revisions/revisionActions';
import type { Command } from './command';

// Opens or closes the Revisions panel: the connected runtime's revisions of the open flow.
export const toggleRevisions: Command = {
  id: 'toggleRevisions',
  label: 'Revisions',
  shortcuts: [],
  history: 'none',
  perform: (context) => toggle(context),
};
