// The session as it is at the current turn (going back in time shows it as it was then), editable
// so a tester can set a tag or a variable to try a condition branch; plus the simulated user's
// profile, the split seed and how HTTP nodes are answered.
import { ProfileSettings } from './ProfileSettings';
import { HttpSettings } from './HttpSettings';
import { TagsEditor } from './TagsEditor';
import { VariablesEditor } from './VariablesEditor';

export function StatePanel() {
  return (
    <div className="tl-sim-state">
      <VariablesEditor />
      <TagsEditor />
      <ProfileSettings />
      <HttpSettings />
    </div>
  );
}
