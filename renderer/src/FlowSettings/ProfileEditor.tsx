// Messenger profile applied on publish: greeting, ice breakers, persistent menu. The Get Started
// button comes from a `get_started` trigger on the canvas.
import { MESSENGER_LIMITS } from '../../../flows';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../flows/schema';
import { useDesigner } from '../hooks/useDesigner';
import { ListEditor } from '../Inspector/fields/ListEditor';
import { TemplateText } from '../Inspector/fields/TemplateText';
import { TextInput } from '../Inspector/fields/TextInput';
import { useUpdateMeta } from './useUpdateMeta';
import { NodeTargetSelect } from '../Inspector/fields/NodeTargetSelect';

type Greeting = NonNullable<Profile['greeting']>[number];
type IceBreaker = NonNullable<Profile['iceBreakers']>[number];
type MenuItem = NonNullable<Profile['persistentMenu']>[number];

export function ProfileEditor() {
  const profile = useDesigner((s) => s.doc.meta.profile) ?? {};
  const hasGetStarted = useDesigner((s) =>
    s.doc.nodeOrder.some((id) => {
      const n = s.doc.nodes[id];
      return n?.type === 'trigger' && n.data.kind === 'get_started';
    }),
  );
  const { t } = useTranslation();
  const update = useUpdateMeta();
  const setProfile = <K extends keyof Profile>(key: K, value: Profile[K], field?: string) =>
    update((m) => {
      const next: Profile = {
        ...m.profile,
        [key]: value && (value as unknown[]).length ? value : undefined,
      };
      const empty = Object.values(next).every((v) => v === undefined);
      return { ...m, profile: empty ? undefined : next };
    }, field);
  const greeting = profile.greeting ?? [];
  const ice = profile.iceBreakers ?? [];
  const menu = profile.persistentMenu ?? [];
  return (
    <>
      <p className="tl-muted">
        {hasGetStarted ? t('profile.getStartedShown') : t('profile.getStartedMissing')}
      </p>
      <ListEditor
        label={t('profile.greeting')}
        items={greeting}
        onChange={(next) => setProfile('greeting', next)}
        create={(): Greeting => ({ locale: greeting.length ? 'en_US' : 'default', text: '' })}
        addLabel={t('profile.addGreeting')}
        render={(g, i) => (
          <>
            <TextInput
              label={t('profile.locale')}
              field={`profile.greeting.${i}.locale`}
              value={g.locale}
              onChange={(locale) =>
                setProfile(
                  'greeting',
                  greeting.map((x, j) => (j === i ? { ...g, locale } : x)),
                  `profile.greeting.${i}.locale`,
                )
              }
            />
            <TemplateText
              label={t('profile.text')}
              field={`profile.greeting.${i}.text`}
              value={g.text}
              limit={MESSENGER_LIMITS.greetingLength}
              rows={2}
              onChange={(text) =>
                setProfile(
                  'greeting',
                  greeting.map((x, j) => (j === i ? { ...g, text } : x)),
                  `profile.greeting.${i}.text`,
                )
              }
            />
          </>
        )}
      />
      <ListEditor
        label={t('profile.iceBreakers')}
        items={ice}
        max={MESSENGER_LIMITS.iceBreakers}
        onChange={(next) => setProfile('iceBreakers', next)}
        create={(): IceBreaker => ({ question: '', target: '' })}
        addLabel={t('profile.addIceBreaker')}
        render={(q, i) => (
          <>
            <TextInput
              label={t('profile.question')}
              field={`profile.iceBreakers.${i}.question`}
              value={q.question}
              limit={MESSENGER_LIMITS.iceBreakerLength}
              onChange={(question) =>
                setProfile(
                  'iceBreakers',
                  ice.map((x, j) => (j === i ? { ...q, question } : x)),
                  `profile.iceBreakers.${i}.question`,
                )
              }
            />
            <NodeTargetSelect
              label={t('profile.starts')}
              field={`profile.iceBreakers.${i}.target`}
              value={q.target}
              onChange={(target) =>
                setProfile(
                  'iceBreakers',
                  ice.map((x, j) => (j === i ? { ...q, target } : x)),
                )
              }
            />
          </>
        )}
      />
      <ListEditor
        label={t('profile.persistentMenu')}
        items={menu}
        max={MESSENGER_LIMITS.persistentMenuItems}
        onChange={(next) => setProfile('persistentMenu', next)}
        create={(): MenuItem => ({ title: t('profile.newMenuItem'), target: '' })}
        addLabel={t('profile.addMenuItem')}
        render={(item, i) => {
          const set = (next: MenuItem, field?: string) =>
            setProfile(
              'persistentMenu',
              menu.map((x, j) => (j === i ? next : x)),
              field,
            );
          return (
            <>
              <TextInput
                label={t('profile.title')}
                field={`profile.persistentMenu.${i}.title`}
                value={item.title}
                limit={MESSENGER_LIMITS.buttonTitleLength}
                onChange={(title) => set({ ...item, title }, `profile.persistentMenu.${i}.title`)}
              />
              {'url' in item ? (
                <TextInput
                  label={t('profile.opensUrl')}
                  field={`profile.persistentMenu.${i}.url`}
                  value={item.url}
                  onChange={(url) => set({ ...item, url }, `profile.persistentMenu.${i}.url`)}
                />
              ) : (
                <NodeTargetSelect
                  label={t('profile.starts')}
                  field={`profile.persistentMenu.${i}.target`}
                  value={item.target}
                  onChange={(target) => set({ ...item, target })}
                />
              )}
              <button
                type="button"
                className="tl-link"
                onClick={() =>
                  set(
                    'url' in item
                      ? { title: item.title, target: '' }
                      : { title: item.title, url: 'https://' },
                  )
                }
              >
                {'url' in item ? t('profile.startNodeInstead') : t('profile.openUrlInstead')}
              </button>
            </>
          );
        }}
      />
    </>
  );
}
