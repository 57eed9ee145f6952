// Connecting an output to a node picked by search (the context menu's "Connect … to…"): one undo
// step, through runCommand, like a connection drawn with the mouse.
import { canConnect, connect, type Connection } from '../store/operations/connect';
import { t } from '../i18n';
import type { EditCommand } from './command';

export function connectCommand(connection: Connection): EditCommand {
  return {
    id: 'connect',
    label: 'Connect',
    shortcuts: [],
    history: 'step',
    perform: ({ store }) => {
      const doc = store.getState().doc;
      if (connection.source === connection.target || !canConnect(doc, connection))
        throw new Error(
          t('keyboard.cannotConnect', {
            source: connection.source,
            handle: connection.sourceHandle,
            target: connection.target,
          }),
        );
      return (current) => ({ doc: connect(current, connection).doc });
    },
  };
}
