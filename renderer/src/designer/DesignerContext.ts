// The stores and command context of one designer window, provided to every component.
import { createContext, useContext } from 'react';
import type { CommandContext } from '../commands/command';

export const DesignerContext = createContext<CommandContext | null>(null);

export function useDesignerContext(): CommandContext {
  const context = useContext(DesignerContext);
  if (!context) throw new Error('useDesignerContext outside <DesignerContext.Provider>');
  return context;
}
