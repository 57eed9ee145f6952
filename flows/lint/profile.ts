// The Messenger Profile a flow carries: greeting, ice breakers, persistent menu (docs/messenger.md §4).
import { MESSENGER_LIMITS as L } from '../limits';
import { templateParts } from '../template';
import type { LintContext } from './context';
import { lintText } from './text';
import { checkUrl } from './urls';

export function checkProfile(ctx: LintContext): void {
  const profile = ctx.doc.profile;
  if (!profile) return;
  const greeting = profile.greeting ?? [];
  if (greeting.length > 0 && !greeting.some((g) => g.locale === 'default'))
    ctx.report('greeting-no-default', { field: 'profile.greeting' }, 'default');
  greeting.forEach((g, i) => {
    const field = `profile.greeting[${i}].text`;
    const length = [...g.text].length;
    if (length > L.greetingLength)
      ctx.report('greeting-too-long', { field }, 'default', {
        locale: g.locale,
        length,
        limit: L.greetingLength,
      });
    // Messenger fills the greeting itself, so only its own tokens work, and without fallbacks.
    for (const part of templateParts(g.text)) {
      if (!(L.greetingTokens as readonly string[]).includes(part.variable))
        ctx.report('greeting-unknown-variable', { field }, 'notProfile', {
          first: '{{user_first_name}}',
          last: '{{user_last_name}}',
          full: '{{user_full_name}}',
          placeholder: `{{${part.variable}}}`,
        });
      else if (part.fallback !== undefined)
        ctx.report('greeting-unknown-variable', { field }, 'fallback', {
          fallback: part.fallback,
          placeholder: `{{${part.variable}}}`,
        });
    }
  });

  const iceBreakers = profile.iceBreakers ?? [];
  if (iceBreakers.length > L.iceBreakers)
    ctx.report('ice-breakers-too-many', { field: 'profile.iceBreakers' }, 'default', {
      count: iceBreakers.length,
      limit: L.iceBreakers,
    });
  iceBreakers.forEach((ice, i) => {
    const length = [...ice.question].length;
    if (ice.question.trim() === '')
      ctx.report('text-empty', { field: `profile.iceBreakers[${i}].question` }, 'iceBreaker', {
        number: i + 1,
      });
    else if (length > L.iceBreakerLength)
      ctx.report(
        'ice-breaker-too-long',
        { field: `profile.iceBreakers[${i}].question` },
        'default',
        { question: ice.question, length, limit: L.iceBreakerLength },
      );
  });

  const menu = profile.persistentMenu ?? [];
  if (menu.length > L.persistentMenuItems)
    ctx.report('menu-too-many', { field: 'profile.persistentMenu' }, 'default', {
      count: menu.length,
      limit: L.persistentMenuItems,
    });
  menu.forEach((item, i) => {
    const field = `profile.persistentMenu[${i}]`;
    const length = [...item.title].length;
    if (item.title.trim() === '')
      ctx.report('text-empty', { field: `${field}.title` }, 'menuItem', { number: i + 1 });
    else if (length > L.buttonTitleLength)
      ctx.report('menu-title-too-long', { field: `${field}.title` }, 'default', {
        title: item.title,
        length,
        limit: L.buttonTitleLength,
      });
    if ('url' in item)
      checkUrl(
        ctx,
        { field: `${field}.url` },
        item.url,
        lintText('parts.menuLink', { title: item.title }),
        { variables: false },
      );
  });
  const hasGetStarted = ctx.doc.nodes.some(
    (n) => n.type === 'trigger' && n.data.kind === 'get_started',
  );
  if (menu.length > 0 && !hasGetStarted)
    ctx.report('menu-needs-get-started', { field: 'profile.persistentMenu' }, 'default');
}
