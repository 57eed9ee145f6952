import type { Command } from './command';

// Publishing needs a runtime connection and the compiler; until that flow is wired, the command
// says so instead of failing silently.
export const publish: Command = {
  id: 'publish',
  label: 'Publish',
  shortcuts: [],
  history: 'none',
  perform: ({ ui, store }) => {
    const errors = store.getState().problems.filter((p) => p.severity === 'error').length;
    ui.getState().set({
      notice: {
        title: 'Publish',
        lines: errors
          ? [`Fix the ${errors} error(s) in the Problems panel before publishing.`]
          : ['Publishing from the designer is not connected yet: use `threadline publish`.'],
      },
    });
  },
};
