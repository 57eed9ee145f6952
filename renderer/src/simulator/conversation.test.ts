// The simulator's notes in the designer's language: the engine's log notes come with a key and
// values (flows/engine log actions' `text`), and notes without one show the engine's English.
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineAction, SimulatorTurn } from '../../../flows/engine';
import { applyLanguage } from '../i18n';
import { conversationItems } from './conversation';

function turnWith(actions: EngineAction[]): SimulatorTurn {
  return {
    event: { type: 'get_started' },
    at: 0,
    actions,
    trace: [],
  } as unknown as SimulatorTurn;
}

const notes = (actions: EngineAction[]) =>
  conversationItems([turnWith(actions)]).flatMap((item) =>
    item.kind === 'note' ? [item.text] : [],
  );

describe('simulator notes', () => {
  afterEach(() => void applyLanguage('en', []));

  it('shows a dropped link and a failed step in German, from their keys', () => {
    applyLanguage('de', []);
    expect(
      notes([
        {
          type: 'log',
          level: 'warning',
          code: 'url-invalid',
          message: 'The link of button "Shop" was left out: "shop" is not an https address',
          step: 'n-a',
          text: {
            key: 'urlInvalid',
            params: { url: 'shop', scheme: 'https' },
            subject: { key: 'buttonLink', params: { title: 'Shop' } },
          },
        },
        {
          type: 'log',
          level: 'error',
          code: 'turn-limit',
          message: 'stopped after 1000 steps in one turn (a loop that never waits?)',
          step: 'n-a',
          text: { key: 'turnLimit', params: { limit: 1000 } },
        },
        {
          type: 'log',
          level: 'error',
          code: 'something-new',
          message: 'an engine note without a key',
        },
      ]),
    ).toEqual([
      'Der Link des Buttons „Shop“ wurde weggelassen: „shop“ ist keine https-Adresse',
      'Nach 1.000 Schritten in einem Zug angehalten (eine Schleife, die nie wartet?)',
      'an engine note without a key',
    ]);
  });

  it('words them in English as the engine does', () => {
    applyLanguage('en', []);
    expect(
      notes([
        {
          type: 'log',
          level: 'warning',
          code: 'url-invalid',
          message: 'x',
          text: {
            key: 'urlInvalid',
            params: { url: 'shop', scheme: 'https' },
            subject: { key: 'buttonLink', params: { title: 'Shop' } },
          },
        },
      ]),
    ).toEqual(['The link of button "Shop" was left out: "shop" is not an https address']);
  });
});
