import { describe, expect, it } from 'vitest';
import { compileFlow, FlowDocument } from '../../../flows';
import damaged from '../../../flows/examples/support.damaged.scenario.json';
import supportJson from '../../../flows/examples/support.flow.json';
import shopOrder from '../../../flows/examples/shop.order.scenario.json';
import { applyLanguage } from '../i18n';
import { runScenarioFiles } from './scenarios';

const compiled = compileFlow(FlowDocument.parse(supportJson));
if (!compiled.ok) throw new Error('support does not compile');
const flow = compiled.compiled;
const file = (name: string, value: unknown) => ({
  path: `/flows/${name}`,
  text: typeof value === 'string' ? value : JSON.stringify(value),
});

describe('running a flow’s scenarios from the designer', () => {
  it('passes the example scenarios of the flow and skips those of other flows', () => {
    const runs = runScenarioFiles(flow, '/flows/support.flow.json', [
      file('support.damaged.scenario.json', damaged),
      file('shop.order.scenario.json', shopOrder),
    ]);
    expect(runs.map((r) => [r.name, r.passed])).toEqual([[damaged.name, true]]);
  });

  it('fails a scenario whose expectation the draft no longer meets, naming the step', () => {
    const changed = {
      ...damaged,
      steps: [damaged.steps[0], { expect: [{ text: 'Something else entirely' }] }],
    };
    const [run] = runScenarioFiles(flow, '/flows/support.flow.json', [
      file('changed.scenario.json', changed),
    ]);
    expect(run?.passed).toBe(false);
    expect(run?.messages[0]).toMatch(
      /^step 2: message 1: text was ".*", expected "Something else entirely"$/,
    );
  });

  it('gives the failure details in German when the designer speaks German', () => {
    const changed = {
      ...damaged,
      steps: [damaged.steps[0], { expect: [{ text: 'Something else entirely' }] }],
    };
    applyLanguage('de', []);
    try {
      const [run] = runScenarioFiles(flow, '/flows/support.flow.json', [
        file('changed.scenario.json', changed),
      ]);
      expect(run?.messages[0]).toMatch(
        /^Schritt 2: Nachricht 1: Text war ".*", erwartet "Something else entirely"$/,
      );
      // zod's own words for a file that cannot be read follow the language too.
      const [broken] = runScenarioFiles(flow, '/flows/support.flow.json', [
        file('broken.scenario.json', { ...damaged, name: 5 }),
      ]);
      expect(broken?.messages[0]).toBe(
        'broken.scenario.json: name: Ungültige Eingabe: erwartet string, erhalten Zahl',
      );
    } finally {
      applyLanguage('en', []);
    }
  });

  it('reports a file that is not a scenario instead of skipping it silently', () => {
    const [run] = runScenarioFiles(flow, '/flows/support.flow.json', [
      file('broken.scenario.json', '{ "format": "threadline.scenario"'),
    ]);
    expect(run).toMatchObject({ name: 'broken.scenario.json', passed: false });
    expect(run?.messages[0]).toBe(
      'broken.scenario.json: not JSON: line 1, column 34: expected "," or "}" but found the end of the file',
    );
    applyLanguage('de', []);
    try {
      const [german] = runScenarioFiles(flow, '/flows/support.flow.json', [
        file('broken.scenario.json', '{ "format": "threadline.scenario"'),
      ]);
      expect(german?.messages[0]).toBe(
        'broken.scenario.json: kein JSON: Zeile 1, Spalte 34: erwartet "," oder "}", gefunden das Ende der Datei',
      );
    } finally {
      applyLanguage('en', []);
    }
  });
});
