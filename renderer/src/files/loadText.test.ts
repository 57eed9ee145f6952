// A file that cannot be opened is explained in the designer's language, with the file named.
import { afterEach, describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { applyLanguage } from '../i18n';
import { createDesignerStore } from '../store/designerStore';
import { loadText } from './loadText';

const flow = FlowDocument.parse(welcome);

afterEach(() => applyLanguage('en', []));

describe('loadText', () => {
  it('says where a file stops being JSON, in English and in German', () => {
    const store = createDesignerStore(flow);
    const text = '{\n  "format": "threadline.flow",,\n}';
    expect(loadText(store, '/flows/broken.flow.json', text)).toEqual([
      'broken.flow.json: line 2, column 31: expected a field name in "double quotes" but found ","',
    ]);
    applyLanguage('de', []);
    expect(loadText(store, '/flows/broken.flow.json', text)).toEqual([
      'broken.flow.json: Zeile 2, Spalte 31: erwartet einen Feldnamen in "doppelten Anführungszeichen", gefunden ","',
    ]);
    expect(store.getState().doc.meta.id).toBe('welcome');
  });

  it('names a file that is no flow, or too new, in German', () => {
    applyLanguage('de', []);
    const store = createDesignerStore(flow);
    expect(loadText(store, '/a/list.flow.json', '[]')).toEqual([
      'list.flow.json: erwartet ein Flow-Dokument (ein JSON-Objekt { ... })',
    ]);
    expect(loadText(store, '/a/new.flow.json', JSON.stringify({ ...welcome, version: 9 }))).toEqual(
      [
        'version: new.flow.json: von einem neueren Threadline erstellt (Formatversion 9); diese Version liest bis 1. Aktualisieren Sie Threadline, um die Datei zu öffnen.',
      ],
    );
  });
});
