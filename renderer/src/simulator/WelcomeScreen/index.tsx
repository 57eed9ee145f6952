// A new thread, as Messenger shows it before the first message: the Page, its greeting, the ice
// breakers and the Get Started button; ref links and, when the flow has comment triggers, a
// comment on a post (answered by a private reply) start it too.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderTemplate } from '../../../../flows';
import { initials } from '../initials';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const flow = useSimulator((s) => s.running);
  const user = useSimulator((s) => s.settings.user);
  const busy = useSimulator((s) => s.busy);
  if (!flow) return null;
  const greeting = flow.profile?.greeting?.find((g) => g.locale === 'default')?.text;
  const send = simulator.getState().send;
  return (
    <div className="tl-sim-welcome">
      <span className="tl-sim-avatar is-large" aria-hidden>
        {initials(flow.name)}
      </span>
      <strong>{flow.name}</strong>
      {greeting && <p>{greetingText(greeting, user.first_name, user.last_name)}</p>}
      <div className="tl-sim-ice">
        {flow.profile?.iceBreakers?.map((ice) => (
          <button
            key={ice.question}
            type="button"
            disabled={busy}
            onClick={() => void send(userEvents.iceBreaker(ice.question, ice.target))}
          >
            {ice.question}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="tl-sim-get-started"
        disabled={busy}
        onClick={() => void send(userEvents.getStarted())}
      >
        {t('simulator.getStarted')}
      </button>
      {flow.entries.refs.length > 0 && (
        <div className="tl-sim-refs">
          <span>{t('simulator.orArrive')}</span>
          {flow.entries.refs.map(({ ref }) => (
            <button
              key={ref}
              type="button"
              className="tl-sim-link"
              disabled={busy}
              onClick={() => void send(userEvents.referral(ref))}
            >
              ?ref={ref}
            </button>
          ))}
        </div>
      )}
      {(flow.entries.comments?.length ?? 0) > 0 && (
        <CommentForm
          defaultPostId={flow.entries.comments?.find((c) => c.postId)?.postId ?? 'post-1'}
          busy={busy}
          onComment={(postId, text) => void send(userEvents.comment(postId, text))}
        />
      )}
    </div>
  );
}

function CommentForm(props: {
  defaultPostId: string;
  busy: boolean;
  onComment(postId: string, text: string): void;
}) {
  const { t } = useTranslation();
  const [postId, setPostId] = useState(props.defaultPostId);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (postId.trim() && text.trim()) props.onComment(postId.trim(), text.trim());
  };
  return (
    <form className="tl-sim-comment" aria-label={t('simComment.title')} onSubmit={submit}>
      <span>{t('simComment.title')}</span>
      <label>
        {t('simComment.postId')}
        <input value={postId} onChange={(e) => setPostId(e.target.value)} />
      </label>
      <label>
        {t('simComment.text')}
        <input
          value={text}
          placeholder={t('simComment.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={props.busy || !postId.trim() || !text.trim()}>
        {t('simComment.send')}
      </button>
    </form>
  );
}

/** Messenger fills in only the user's name in a greeting. */
function greetingText(text: string, first: string, last: string): string {
  const names: Record<string, string> = {
    user_first_name: first,
    user_last_name: last,
    user_full_name: `${first} ${last}`.trim(),
  };
  return renderTemplate(text, (name) => names[name]);
}
