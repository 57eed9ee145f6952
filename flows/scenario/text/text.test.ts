// Every scenario failure speaks German: de.ts has exactly English's keys, none empty, each with
// the same placeholders; real failures render in German with nothing left unfilled.
import { describe, expect, it } from 'vitest';
import welcomeJson from '../../examples/welcome.flow.json';
import { compileFlow } from '../../compile';
import { validateFlowDocument } from '../../load';
import { runScenario } from '../runner';
import type { Scenario, ScenarioStep } from '../schema';
import { SCENARIO_TEXT, renderScenarioText, scenarioMessage, scenarioText } from '.';

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

function failuresOf(steps: ScenarioStep[]) {
  const loaded = validateFlowDocument(welcomeJson);
  if (!loaded.ok) throw new Error('welcome does not load');
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok) throw new Error('welcome does not compile');
  const scenario: Scenario = {
    format: 'threadline.scenario',
    version: 1,
    flow: 'welcome.flow.json',
    name: 'test',
    steps,
  };
  return runScenario(compiled.compiled, scenario).failures;
}

describe('scenario failure catalogues', () => {
  it('have every English text in German with the same placeholders', () => {
    const en = SCENARIO_TEXT.en as Record<string, string>;
    const de = SCENARIO_TEXT.de as Record<string, string>;
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(de[key]!.trim(), key).not.toBe('');
      expect(de[key], key).not.toBe(text);
      expect(placeholders(de[key]!), key).toEqual(placeholders(text));
    }
  });

  it('renders nested texts and lists in the same language, numbers through Intl', () => {
    const text = scenarioText('variablesDiffer', {
      details: [
        scenarioText('variableIs', { name: 'a', actual: '1', expected: '2' }),
        scenarioText('variableIs', { name: 'b', actual: '"{{x}}"', expected: '3' }),
      ],
    });
    expect(renderScenarioText(text, 'de')).toBe(
      'Variablen weichen ab: a ist 1, erwartet 2; b ist "{{x}}", erwartet 3',
    );
    expect(
      renderScenarioText(
        scenarioText('messageNotSent', { index: 1200, expected: 1200, sent: 3 }),
        'de',
      ),
    ).toBe('Nachricht 1.200 war erwartet, wurde aber nicht gesendet (1.200 erwartet, 3 gesendet)');
  });

  it('gives real failures in German, and their English message unchanged', () => {
    const failures = [
      ...failuresOf([{ send: { getStarted: true } }, { expect: [{ text: 'Hi' }, {}] }]),
      ...failuresOf([{ send: { getStarted: true } }, { expect: [{}, { image: 'x.png' }] }]),
      ...failuresOf([{ send: { getStarted: true } }, { send: { quickReply: 'Nope' } }]),
      ...failuresOf([{ send: { button: 'Nope', card: 'Card' } }]),
      ...failuresOf([{ send: { menu: 'Nope' } }]),
      ...failuresOf([{ send: { getStarted: true } }, { expectTags: ['vip'] }]),
      ...failuresOf([{ send: { getStarted: true } }, { expectVars: { nope: 1 } }]),
    ];
    expect(failures.map((f) => f.text.key)).toEqual([
      'messageProblem',
      'messageProblem',
      'noQuickReply',
      'noButtonOnCard',
      'noMenuItem',
      'tagsWere',
      'variablesDiffer',
    ]);
    expect(failures[1]!.message).toBe('message 2: image was absent, expected "x.png"');
    expect(scenarioMessage(failures[1]!, 'de')).toBe(
      'Nachricht 2: image war nicht vorhanden, erwartet "x.png"',
    );
    for (const f of failures) {
      expect(scenarioMessage(f, 'en')).toBe(f.message);
      const german = scenarioMessage(f, 'de');
      expect(german).not.toBe(f.message);
      expect(german).not.toMatch(/\{\{/);
    }
    expect(scenarioMessage({ message: 'plain' }, 'de')).toBe('plain');
  });
});
