// `threadline subscribers --to URL [--tag T] [--var NAME=VALUE] [--window open|closed]`
// (docs/format.md §5): lists a runtime's audience, one line a subscriber, every page of it.
import { defineCommand, parseCommandArgs, usageError } from '../args';
import { cliMessages } from '../i18n';
import { ADMIN_OPTIONS, adminRequest, adminTarget } from './admin-client';

export const spec = defineCommand({
  name: 'subscribers',
  summary: "list a runtime's subscribers",
  options: {
    ...ADMIN_OPTIONS,
    tag: { type: 'string', value: 'TAG', help: 'only subscribers with this tag' },
    var: {
      type: 'string',
      value: 'NAME=VALUE',
      help: 'only subscribers whose variable has this value',
    },
    window: {
      type: 'string',
      value: 'STATE',
      help: 'open or closed: only subscribers whose 24-hour window is open, or closed',
    },
    json: { type: 'boolean', help: 'print the subscribers as JSON' },
  },
  notes: [
    'Prints PSID, name, window, tags and source, one subscriber a line, then the count.\n' +
      'Exit 1 when the runtime cannot be reached or refuses.',
  ],
});

interface Subscriber {
  psid: string;
  name: string | null;
  windowOpen: boolean;
  windowOpenUntil: string | null;
  tags: string[];
  source: { kind: string; ref?: string; adId?: string; commentId?: string } | null;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const { options } = parsed;
  const chosen = adminTarget(options);
  if (!chosen.ok) return usageError(spec, chosen.problem);
  const target = chosen.admin;
  const query = new URLSearchParams({ limit: '500' });
  if (options.tag) query.set('tag', options.tag);
  if (options.var) {
    const at = options.var.indexOf('=');
    if (at < 1) return usageError(spec, `--var needs NAME=VALUE, got "${options.var}"`);
    query.set(`var.${options.var.slice(0, at)}`, options.var.slice(at + 1));
  }
  if (options.window) {
    if (options.window !== 'open' && options.window !== 'closed')
      return usageError(spec, `--window takes open or closed, not "${options.window}"`);
    query.set('window', options.window);
  }
  const all: Subscriber[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    if (cursor) query.set('cursor', cursor);
    const answer = await adminRequest(target, `/api/subscribers?${query.toString()}`);
    if (!answer.ok) {
      console.error(`threadline subscribers: ${answer.message}`);
      return 1;
    }
    all.push(...(answer.body.subscribers as Subscriber[]));
    cursor = answer.body.next as string | null;
  }
  if (options.json) {
    console.log(JSON.stringify(all, null, 2));
    return 0;
  }
  const { text: say, count } = cliMessages();
  for (const s of all) {
    const window = s.windowOpen
      ? say('windowOpenUntil', { until: s.windowOpenUntil ?? '' })
      : say('windowClosed');
    const source = s.source
      ? `${s.source.kind}:${s.source.ref ?? s.source.adId ?? s.source.commentId ?? ''}`
      : '-';
    console.log([s.psid, s.name ?? '-', window, s.tags.join(',') || '-', source].join('\t'));
  }
  console.log(count('subscribers', all.length));
  return 0;
}
