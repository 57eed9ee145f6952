// Settings of single nodes that would make them misbehave at run time.
import { MESSENGER_LIMITS as L } from '../limits';
import type { LintContext } from './context';
import { checkUrl } from './urls';
import { parseJsonPath } from '../engine/jsonPath';

export function checkNodes(ctx: LintContext): void {
  for (const node of ctx.doc.nodes) {
    switch (node.type) {
      case 'input': {
        const { min, max, kind, pattern } = node.data;
        if (pattern !== undefined && kind !== 'text')
          ctx.report(
            'input-setting-ignored',
            { nodeId: node.id, field: 'data.pattern' },
            `Only text questions check a pattern; this ${kind} question ignores it.`,
          );
        if ((min !== undefined || max !== undefined) && kind !== 'text' && kind !== 'number')
          ctx.report(
            'input-setting-ignored',
            { nodeId: node.id, field: min !== undefined ? 'data.min' : 'data.max' },
            `Only text (length) and number questions use a minimum and maximum; this ${kind} question ignores them.`,
          );
        if (min !== undefined && max !== undefined && min > max)
          ctx.report(
            'input-range-invalid',
            { nodeId: node.id, field: 'data.min' },
            `The minimum (${min}) is larger than the maximum (${max}), so no answer can be valid.`,
          );
        break;
      }
      case 'split':
        if (node.data.variants.length === 0 || node.data.variants.every((v) => v.weight === 0))
          ctx.report(
            'split-empty',
            { nodeId: node.id, field: 'data.variants' },
            'This split needs at least one variant with a weight above 0.',
          );
        break;
      case 'condition':
        if (node.data.branches.length === 0)
          ctx.report(
            'condition-empty',
            { nodeId: node.id, field: 'data.branches' },
            "This condition has no branches, so it always takes 'else'.",
          );
        break;
      case 'http':
        // Calls to one's own backend may use http:// (for example on a private network).
        checkUrl(
          ctx,
          { nodeId: node.id, field: 'data.url' },
          node.data.url,
          'The request address',
          { httpsOnly: false, secrets: true },
        );
        node.data.save?.forEach((s, i) => {
          if (!parseJsonPath(s.path))
            ctx.report(
              'http-save-path-invalid',
              { nodeId: node.id, field: `data.save[${i}].path` },
              `"${s.path}" is not a JSON path; write it like $.order.status, $.items[0].name or $["first name"].`,
            );
        });
        if ((node.data.timeoutMs ?? 5000) > L.httpTimeoutMs)
          ctx.report(
            'http-timeout-too-long',
            { nodeId: node.id, field: 'data.timeoutMs' },
            `This call may wait ${(node.data.timeoutMs ?? 0) / 1000} s; Messenger expects bots to answer within 30 s, so keep it under ${L.httpTimeoutMs / 1000} s.`,
          );
        break;
      default:
        break;
    }
  }
}
