// The Messenger Profile a flow carries: greeting, ice breakers, persistent menu (docs/messenger.md §4).
import { MESSENGER_LIMITS as L } from '../limits';
import { templateParts } from '../template';
import type { LintContext } from './context';
import { checkUrl } from './urls';

export function checkProfile(ctx: LintContext): void {
  const profile = ctx.doc.profile;
  if (!profile) return;
  const greeting = profile.greeting ?? [];
  if (greeting.length > 0 && !greeting.some((g) => g.locale === 'default'))
    ctx.report(
      'greeting-no-default',
      { field: 'profile.greeting' },
      'The greeting needs a text for the "default" locale; Messenger rejects it otherwise.',
    );
  greeting.forEach((g, i) => {
    const field = `profile.greeting[${i}].text`;
    const length = [...g.text].length;
    if (length > L.greetingLength)
      ctx.report(
        'greeting-too-long',
        { field },
        `The greeting (${g.locale}) has ${length} characters; Messenger allows ${L.greetingLength}.`,
      );
    // Messenger fills the greeting itself, so only its own tokens work, and without fallbacks.
    for (const part of templateParts(g.text)) {
      if (!(L.greetingTokens as readonly string[]).includes(part.variable))
        ctx.report(
          'greeting-unknown-variable',
          { field },
          `Messenger shows the greeting before the chat starts, so it can only fill {{user_first_name}}, {{user_last_name}} and {{user_full_name}}, not {{${part.variable}}}.`,
        );
      else if (part.fallback !== undefined)
        ctx.report(
          'greeting-unknown-variable',
          { field },
          `Messenger fills the greeting itself and would show "|${part.fallback}" as written; use {{${part.variable}}} without a fallback.`,
        );
    }
  });

  const iceBreakers = profile.iceBreakers ?? [];
  if (iceBreakers.length > L.iceBreakers)
    ctx.report(
      'ice-breakers-too-many',
      { field: 'profile.iceBreakers' },
      `There are ${iceBreakers.length} ice breakers; Messenger allows ${L.iceBreakers}.`,
    );
  iceBreakers.forEach((ice, i) => {
    const length = [...ice.question].length;
    if (ice.question.trim() === '')
      ctx.report(
        'text-empty',
        { field: `profile.iceBreakers[${i}].question` },
        `Ice breaker ${i + 1} has no question.`,
      );
    else if (length > L.iceBreakerLength)
      ctx.report(
        'ice-breaker-too-long',
        { field: `profile.iceBreakers[${i}].question` },
        `The ice breaker "${ice.question}" has ${length} characters; keep it under ${L.iceBreakerLength} so it is not cut off.`,
      );
  });

  const menu = profile.persistentMenu ?? [];
  if (menu.length > L.persistentMenuItems)
    ctx.report(
      'menu-too-many',
      { field: 'profile.persistentMenu' },
      `The menu has ${menu.length} items; Messenger allows ${L.persistentMenuItems}.`,
    );
  menu.forEach((item, i) => {
    const field = `profile.persistentMenu[${i}]`;
    const length = [...item.title].length;
    if (item.title.trim() === '')
      ctx.report('text-empty', { field: `${field}.title` }, `Menu item ${i + 1} has no title.`);
    else if (length > L.buttonTitleLength)
      ctx.report(
        'menu-title-too-long',
        { field: `${field}.title` },
        `The menu item "${item.title}" has ${length} characters; Messenger allows ${L.buttonTitleLength}.`,
      );
    if ('url' in item)
      checkUrl(ctx, { field: `${field}.url` }, item.url, `The link of menu item "${item.title}"`, {
        variables: false,
      });
  });
  const hasGetStarted = ctx.doc.nodes.some(
    (n) => n.type === 'trigger' && n.data.kind === 'get_started',
  );
  if (menu.length > 0 && !hasGetStarted)
    ctx.report(
      'menu-needs-get-started',
      { field: 'profile.persistentMenu' },
      'Messenger only shows the persistent menu when the flow has a Get Started trigger.',
    );
}
