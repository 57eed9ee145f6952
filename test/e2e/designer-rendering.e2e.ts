// Issue 5: typing in the inspector re-renders the edited node only, not every node on the canvas.
// React's commits are watched through the hook React DevTools uses: a node component that ran in
// a commit is one whose fiber performed work, found the way DevTools finds it (walking only the
// parts of the tree that changed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, inspector } from './designer-helpers';
import { startHarness, type Harness } from './harness';

/** Installed before the app loads: records, per commit, the node ids whose NodeFrame ran. */
function watchNodeRenders() {
  const PERFORMED_WORK = 1;
  const rendered: string[][] = [];
  type Fiber = {
    type: { name?: string } | string | null;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    memoizedProps: { node?: { id?: string } } | null;
  };
  const walk = (fiber: Fiber, ids: string[]) => {
    const previous = fiber.alternate;
    const ran = previous === null || (fiber.flags & PERFORMED_WORK) === PERFORMED_WORK;
    if (ran && typeof fiber.type === 'function' && fiber.type.name === 'NodeFrame') {
      const id = fiber.memoizedProps?.node?.id;
      if (id) ids.push(id);
    }
    // A subtree React did not visit keeps the very same children.
    if (previous !== null && previous.child === fiber.child) return;
    for (let child = fiber.child; child; child = child.sibling) walk(child, ids);
  };
  Object.assign(window, {
    __nodeRenders: rendered,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        const ids: string[] = [];
        walk(root.current, ids);
        rendered.push(ids);
      },
    },
  });
}

describe('rendering while editing', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness();
    await app.page.addInitScript(watchNodeRenders);
    await app.page.reload();
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const renders = () => app.page.evaluate('window.__nodeRenders') as Promise<string[][]>;

  it('sees every node render when the flow is first drawn', async () => {
    // The watch itself works: opening drew every node of the welcome example.
    const drawn = new Set((await renders()).flat());
    expect(drawn.size).toBe(await canvas(app.page).locator('.react-flow__node').count());
    expect(drawn.size).toBeGreaterThan(5);
  });

  it('re-renders only the edited node while typing in the inspector', async () => {
    const page = app.page;
    await canvas(page).locator('[data-node-id="n-hours"]').click();
    const text = inspector(page).getByLabel('Text', { exact: true });
    await text.click();
    await page.waitForTimeout(500);
    const before = (await renders()).length;
    await text.pressSequentially(' Welcome!', { delay: 40 });
    await expect
      .poll(() => canvas(page).locator('[data-node-id="n-hours"] .tl-bubble-text').textContent())
      .toContain('Welcome!');
    await page.waitForTimeout(800); // the lint that follows the burst, and its badges
    const during = (await renders()).slice(before);
    expect(during.length).toBeGreaterThan(0);
    expect([...new Set(during.flat())]).toEqual(['n-hours']);
    expect(app.errors).toEqual([]);
  });
});
