// The tests write wrong types into documents on purpose, as a hand-edited file might.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import welcome from './examples/welcome.flow.json';
import { lintMessage } from './lint/text';
import { parseFlowDocument } from './load';
import type { Migration } from './migrations';

const text = (doc: unknown) => JSON.stringify(doc, null, 2);
const copy = (): Record<string, any> => structuredClone(welcome);

describe('parseFlowDocument', () => {
  it('reads a valid flow document', () => {
    const result = parseFlowDocument(text(welcome));
    expect(result.ok && result.document.id).toBe('welcome');
  });

  it('gives line and column of a JSON syntax error, even where JSON.parse gives no position', () => {
    const result = parseFlowDocument('{\n  "format": "threadline.flow",\n  "nodes": [1, 2,]\n}');
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { path: '', message: 'line 3, column 18: a comma before "]" is not allowed in JSON' },
      ],
    });
    expect(!result.ok && lintMessage(result.problems[0]!, 'de')).toBe(
      'Zeile 3, Spalte 18: ein Komma vor "]" ist in JSON nicht erlaubt',
    );
  });

  it('names the file in whole-file problems when given one', () => {
    const result = parseFlowDocument('', 'shop.flow.json');
    expect(!result.ok && result.problems[0]?.message).toBe(
      'shop.flow.json: line 1, column 1: the file ends where a value was expected',
    );
    expect(!result.ok && lintMessage(result.problems[0]!, 'de')).toBe(
      'shop.flow.json: Zeile 1, Spalte 1: die Datei endet, wo ein Wert erwartet wurde',
    );
  });

  it('says in German when a file is no flow document or has no usable version', () => {
    const german = (raw: unknown) => {
      const result = parseFlowDocument(text(raw), 'x.flow.json');
      return result.ok ? 'ok' : result.problems.map((p) => lintMessage(p, 'de')).join('\n');
    };
    expect(german([1])).toBe('x.flow.json: erwartet ein Flow-Dokument (ein JSON-Objekt { ... })');
    expect(german({ format: 'threadline.scenario' })).toBe(
      'x.flow.json: kein Threadline-Flow: "format" muss "threadline.flow" sein',
    );
    expect(german({ ...copy(), version: 'one' })).toBe(
      'x.flow.json: "version" muss eine ganze Zahl sein (das aktuelle Format ist 1)',
    );
    expect(german({ ...copy(), version: 7 })).toBe(
      'x.flow.json: von einem neueren Threadline erstellt (Formatversion 7); diese Version liest bis 1. Aktualisieren Sie Threadline, um die Datei zu öffnen.',
    );
  });

  it('reads an optional defaultLocale and refuses a tag without a country', () => {
    const doc = copy();
    doc.defaultLocale = 'de-AT';
    const read = parseFlowDocument(text(doc));
    expect(read.ok && read.document.defaultLocale).toBe('de-AT');
    for (const bad of ['de', 'de_DE', 'DE-de', 'german']) {
      doc.defaultLocale = bad;
      expect(parseFlowDocument(text(doc))).toMatchObject({
        ok: false,
        problems: [
          {
            path: 'defaultLocale',
            message: `expected a language tag with a country, like "de-DE" or "en-US" but found "${bad}"`,
          },
        ],
      });
    }
  });

  it('reports a wrong type with its JSON path, node id and what was expected', () => {
    const doc = copy();
    doc.nodes[4].data.blocks[0].text = 5;
    expect(parseFlowDocument(text(doc))).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'nodes[4].data.blocks[0].text',
          nodeId: 'n-menu',
          message: 'expected text in "quotes" but found 5',
        },
      ],
    });
  });

  it('reports a missing field as missing', () => {
    const doc = copy();
    delete doc.nodes[5].data.blocks;
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems).toMatchObject([
      {
        path: 'nodes[5].data.blocks',
        nodeId: 'n-hours',
        message: 'is missing: expected a list [ ... ]',
      },
    ]);
  });

  it('words every problem it explains in German too, with the same parts', () => {
    const doc = copy();
    doc.nodes[4].data.blocks[0].text = 5;
    delete doc.nodes[5].data.blocks;
    doc.nodes[4].data.quickReply = [];
    doc.nodes[6].type = 'nope';
    const result = parseFlowDocument(text(doc));
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => lintMessage(p, 'de'))).toEqual(
      expect.arrayContaining([
        'erwartet Text in "Anführungszeichen", gefunden 5',
        'fehlt: erwartet eine Liste [ ... ]',
        'unbekanntes Feld „quickReply“ (Schreibweise prüfen; Groß- und Kleinschreibung zählt)',
        expect.stringMatching(/^unbekannter Knotentyp "nope": erwartet einen Wert aus "trigger", /),
      ]),
    );
    for (const p of problems) {
      expect(p.text, p.message).toBeDefined();
      expect(lintMessage(p, 'en')).toBe(p.message);
      expect(lintMessage(p, 'de')).not.toMatch(/\{\{|expected|found|missing/);
    }
  });

  it('reports a misspelt field by its own path', () => {
    const doc = copy();
    doc.nodes[4].data.quickReply = [];
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'nodes[4].data.quickReply',
      nodeId: 'n-menu',
      message: expect.stringContaining('unknown field "quickReply"'),
    });
  });

  it('lists the node types when a node has an unknown type', () => {
    const doc = copy();
    doc.nodes[4].type = 'mesage';
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'nodes[4].type',
      nodeId: 'n-menu',
      message: expect.stringMatching(
        /^unknown node type "mesage": expected one of "trigger", "message"/,
      ),
    });
  });

  it('explains the block that was meant rather than every kind of block', () => {
    const doc = copy();
    doc.nodes[6].data.blocks[0].buttons[0] = { id: 'site', type: 'url', title: 'Open the shop' };
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems).toMatchObject([
      {
        path: 'nodes[6].data.blocks[0].buttons[0].url',
        nodeId: 'n-shop',
        message: 'is missing: expected text in "quotes"',
      },
    ]);
  });

  it('names the allowed values of an enum', () => {
    const doc = copy();
    doc.nodes[0].data.kind = 'start';
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems[0]?.message).toBe(
      'expected one of "get_started", "keyword", "ref", "default" or "comment" but found "start"',
    );
  });

  it('refuses a file that is not a flow', () => {
    const result = parseFlowDocument(text({ format: 'threadline.scenario', version: 1 }));
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'format',
      message: 'not a Threadline flow: "format" must be "threadline.flow"',
    });
  });

  it('refuses a file made by a newer Threadline, saying which versions it reads', () => {
    const result = parseFlowDocument(text({ ...copy(), version: 2 }));
    expect(!result.ok && result.problems[0]?.message).toMatch(
      /^made by a newer Threadline \(format version 2\); this version reads up to 1/,
    );
  });
});

describe('migrations', () => {
  // A made-up version 0 that called quick replies "replies", to exercise the migration path.
  const renameReplies: Migration = {
    from: 0,
    description: 'message nodes: "replies" became "quickReplies"',
    migrate: (doc) => ({
      ...doc,
      nodes: (doc['nodes'] as Record<string, any>[]).map((n) => {
        if (n['type'] !== 'message' || !('replies' in n['data'])) return n;
        const { replies, ...data } = n['data'];
        return { ...n, data: { ...data, quickReplies: replies } };
      }),
    }),
  };

  it('upgrades an older document through the migration table and says from which version', () => {
    const old = copy();
    old.version = 0;
    old.nodes[4].data.replies = old.nodes[4].data.quickReplies;
    delete old.nodes[4].data.quickReplies;
    const result = parseFlowDocument(text(old), undefined, { migrations: [renameReplies] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.document.version).toBe(1);
    expect(result.document).toEqual(welcome);
  });

  it('refuses an old version that no migration covers', () => {
    const result = parseFlowDocument(text({ ...copy(), version: 0 }));
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'version',
      message: expect.stringContaining('format version 0'),
    });
    expect(!result.ok && lintMessage(result.problems[0]!, 'de')).toBe(
      'von einem alten Threadline erstellt (Formatversion 0), das diese Version nicht aktualisieren kann (keine Migration ab Version 0)',
    );
  });

  it('does not report a migration for a current document', () => {
    const result = parseFlowDocument(text(welcome), undefined, { migrations: [renameReplies] });
    expect(result.ok && 'migratedFrom' in result).toBe(false);
  });
});

describe('problem messages for the kinds of things in a flow', () => {
  it('lists the button types when a button has an unknown type', () => {
    const doc = copy();
    doc.nodes[6].data.blocks[0].buttons[0].type = 'link';
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'nodes[6].data.blocks[0].buttons[0].type',
      nodeId: 'n-shop',
      message: 'unknown type "link": expected one of "postback", "url" or "call"',
    });
  });

  it('says a missing choice is missing rather than found nothing', () => {
    const doc = copy();
    delete doc.nodes[0].data.kind;
    const result = parseFlowDocument(text(doc));
    expect(!result.ok && result.problems[0]?.message).toBe(
      'is missing: expected one of "get_started", "keyword", "ref", "default" or "comment"',
    );
  });
});
