import { describe, expect, it, vi } from 'vitest';
import { createCloseGuard, type CloseAnswer } from './close-guard';

function setup(answer: CloseAnswer) {
  const deps = { ask: vi.fn(async () => answer), requestSave: vi.fn(), close: vi.fn() };
  const guard = createCloseGuard(deps);
  const event = { preventDefault: vi.fn() };
  return { deps, guard, event };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('closing with unsaved changes', () => {
  it('closes at once when everything is saved', () => {
    const { deps, guard, event } = setup('cancel');
    guard.onClose(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.ask).not.toHaveBeenCalled();
  });

  it('asks first and stays open on Cancel', async () => {
    const { deps, guard, event } = setup('cancel');
    guard.setDirty(true);
    guard.onClose(event);
    await settle();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(deps.close).not.toHaveBeenCalled();
  });

  it("closes without saving on Don't Save", async () => {
    const { deps, guard, event } = setup('discard');
    guard.setDirty(true);
    guard.onClose(event);
    await settle();
    expect(deps.close).toHaveBeenCalledOnce();
    guard.onClose(event); // the close that follows goes through
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('asks the renderer to save on Save and closes once it reports clean', async () => {
    const { deps, guard, event } = setup('save');
    guard.setDirty(true);
    guard.onClose(event);
    await settle();
    expect(deps.requestSave).toHaveBeenCalledOnce();
    expect(deps.close).not.toHaveBeenCalled();
    guard.setDirty(false);
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('stays open when the save is cancelled and the flow is still unsaved', async () => {
    const { deps, guard, event } = setup('save');
    guard.setDirty(true);
    guard.onClose(event);
    await settle();
    guard.setDirty(true);
    guard.setDirty(false); // a later, ordinary save
    expect(deps.close).not.toHaveBeenCalled();
  });
});
