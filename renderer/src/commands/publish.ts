import { getHost } from '../host';
import { openPublish } from '../publish/publishActions';
import type { Command } from './command';

// Opens the publish dialog, which lints, compiles, compares with the runtime's active revision
// and uploads after the user confirms (renderer/src/publish/).
export const publish: Command = {
  id: 'publish',
  label: 'Publish',
  shortcuts: ['Mod+Shift+P'],
  history: 'none',
  perform: (context) => openPublish(context, getHost()),
};
