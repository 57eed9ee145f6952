// The designer's text is complete in every language: German has exactly English's keys, none
// empty, with the same placeholders; every command and node type has its name; and no converted
// component shows a literal English word instead of going through t(). The files not converted
// yet are listed in UNTRANSLATED below: a shrinking list, and the test fails when one of them no
// longer needs to be there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/registry';
import { NODE_CATALOG, NODE_GROUPS } from '../nodeTypes/catalog';
import { de } from './de';
import { en } from './en';
import { applyLanguage, i18n, t } from '.';
import { formatNumber } from './format';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(en);
  const german = flatten(de as unknown as Tree);

  it('has every English key in German and no other', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), `en ${key}`).not.toBe('');
      expect(german.get(key)?.trim(), `de ${key}`).not.toBe('');
      expect(placeholders(german.get(key) ?? ''), `placeholders of ${key}`).toEqual(
        placeholders(text),
      );
    }
  });

  it('names every command, node type and palette group, as the code does in English', () => {
    for (const command of COMMANDS) {
      expect(en.commands[command.id as keyof typeof en.commands], command.id).toBe(command.label);
    }
    for (const info of Object.values(NODE_CATALOG)) {
      expect(en.nodes[info.type], info.type).toEqual({ label: info.label, hint: info.hint });
    }
    expect(Object.keys(en.palette.groups)).toEqual([...NODE_GROUPS]);
  });

  it('switches language, with plurals and numbers through Intl', () => {
    try {
      applyLanguage('de', ['en-US']);
      expect(t('commands.undo')).toBe('Rückgängig');
      expect(t('status.warnings', { count: 1 })).toBe('1 Warnung');
      expect(t('status.nodes', { count: 2000 })).toBe('2.000 Knoten');
      expect(formatNumber(0.5, { style: 'percent' })).toBe('50\u00a0%');
      applyLanguage('system', ['de-AT', 'en']);
      expect(i18n.language).toBe('de');
      applyLanguage('system', ['fr-FR', 'en-GB']);
      expect(i18n.language).toBe('en');
      expect(t('status.warnings', { count: 2000 })).toBe('2,000 warnings');
      // English lowercases a noun inside a sentence, German keeps its capital.
      expect(t('fields.add', { label: 'Button' })).toBe('Add button');
      applyLanguage('de', []);
      expect(t('fields.add', { label: 'Button' })).toBe('Button hinzufügen');
    } finally {
      applyLanguage('en', []);
    }
  });
});

// ---- untranslated text in components ----

const ROOT = join(import.meta.dirname, '..');
/** Props whose text a user reads or hears. */
const USER_FACING_PROPS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'label',
  'alt',
  'hint',
  'addLabel',
  'message',
]);
/** Literal text that is the same in every language. */
const ALLOWED = new Set([
  '?ref=',
  'Aa',
  'Threadline',
  'OK',
  'Messenger',
  'HTTP',
  'URL',
  'JSON',
  'A/B',
]);

/**
 * Components whose text is not translated yet (issue 14). Each entry is a debt: translate the
 * file, then remove it here (the test fails while a listed file has nothing left to translate).
 */
const UNTRANSLATED = new Set<string>([]);

function sourceFiles(dir: string, ending: '.ts' | '.tsx'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, ending);
    const name = entry.name;
    if (!name.endsWith(ending) || name.endsWith('.d.ts') || /\.test\.tsx?$/.test(name)) return [];
    return [relative(ROOT, path)];
  });
}
const tsxFiles = (dir: string) => sourceFiles(dir, '.tsx');

const hasWords = (text: string) =>
  /[A-Za-zÄÖÜäöüß]{2,}/.test(text) &&
  !ALLOWED.has(text.trim()) &&
  // An example address or colour reads the same in every language.
  !/^https?:\/\/\S*$/.test(text.trim()) &&
  !/^#[0-9a-f]{3,8}$/i.test(text.trim());

/** Literal strings an expression shows as it is (through ?:, &&, ||, ?? and templates). */
function shownLiterals(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  }
  return [];
}

/** "line: text" for each piece of literal user-facing text in a component file. */
export function untranslatedText(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${file}:${line}: ${text.trim()}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      else if (init && ts.isJsxExpression(init) && init.expression)
        for (const text of shownLiterals(init.expression)) report(init, text);
    } else if (
      // { value: 'exact', label: 'The whole message' }: options and specs that become labels
      ts.isPropertyAssignment(node) &&
      USER_FACING_PROPS.has(node.name.getText(sf).replace(/['"]/g, ''))
    ) {
      for (const text of shownLiterals(node.initializer)) report(node, text);
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const text of shownLiterals(node.expression)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('untranslated text', () => {
  const files = tsxFiles(ROOT);

  it('finds literal text in JSX and in user-facing props, and not what goes through t()', () => {
    const source = `
      export const A = () => (
        <div aria-label="Canvas" title={t('x')}>
          Hello {t('y')} {open ? 'Open' : t('z')} <b>{'Bye'}</b> <i>★ 3</i>
          <input placeholder={\`Search \${n}\`} className="tl-not-text" />
          <Select options={[{ value: 'a', label: 'All rules' }]} />
        </div>
      );`;
    expect(untranslatedText('A.tsx', source).map((s) => s.split(': ')[1])).toEqual([
      'Canvas',
      'Hello',
      'Open',
      'Bye',
      'Search',
      'All rules',
    ]);
  });

  it('lists only existing files as not translated yet', () => {
    for (const file of UNTRANSLATED) expect(files, file).toContain(file);
  });

  it('has no literal user-facing text outside the listed files', () => {
    const found = files
      .filter((file) => !UNTRANSLATED.has(file))
      .flatMap((file) => untranslatedText(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('keeps no translated file on the list', () => {
    const done = [...UNTRANSLATED].filter(
      (file) => untranslatedText(file, readFileSync(join(ROOT, file), 'utf8')).length === 0,
    );
    expect(done, 'translated: remove these from UNTRANSLATED').toEqual([]);
  });
});

// ---- untranslated text built in .ts files ----

/**
 * Prose in .ts files that is not the designer's own text, by file: what the user never sees or
 * what must stay as it is. Everything else in a .ts file that reads as words fails the test.
 */
const TS_ALLOWED: Record<string, readonly string[]> = {
  // Programmer errors, never shown to a user of a working build.
  'commands/registry.ts': ['Unknown command …'],
  'designer/DesignerContext.ts': ['useDesignerContext outside <DesignerContext.Provider>'],
  // The window title: the file name and the product's name.
  'hooks/useWindowTitle.ts': ['…… — Threadline'],
  // An HTTP header name.
  'host/web-client.ts': ['Content-Type'],
  // The simulator's test user, a name in the flow's data.
  'simulator/settings.ts': ['Anna', 'Tester'],
  // Error values handed to the engine as an HTTP answer and written into recorded scenarios.
  'simulator/recorder.ts': ['no answer'],
  'simulator/createSimulatorStore.ts': ['the simulation was restarted'],
  // Key names as printed on an English keyboard (docs/i18n.md).
  'commands/shortcut.ts': ['Mod', 'Alt', 'Shift', 'Ctrl'],
  // The prefix of the arrow keys' names (ArrowUp, …).
  'commands/moveSelection.ts': ['Arrow'],
};

/**
 * Files whose English label/hint text is the source of a key: i18n.test.ts checks above that
 * en.ts says the same, and the screen shows the key's text (tKey, nodes.<type>).
 */
const KEYED_SOURCES = /^(commands\/[^/]+|nodeTypes\/info)\.ts$/;
/** A shortcut ("Mod+Shift+L", "Escape", "Backspace"): key names, not text. */
const SHORTCUT =
  /^((Mod|Shift|Alt|Ctrl)\+)*(\S|F\d+|Escape|Backspace|Delete|Enter|Tab|Space|ContextMenu)$/;

/** Reads as words: a space between letters, or a capitalised word ("Always"). */
const prose = (text: string) =>
  /[A-Za-z]{2,}/.test(text) &&
  (/[A-Za-z]\s+\S/.test(text.trim()) || /^[A-Z][a-z]/.test(text.trim()));

/** "line: text" for each literal in a .ts module that reads as words and does not go through t(). */
export function untranslatedTsText(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const allowed = new Set(TS_ALLOWED[file] ?? []);
  const keyed = KEYED_SOURCES.test(file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    let pieces: string[] | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) pieces = [node.text];
    else if (ts.isTemplateExpression(node))
      pieces = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    const parent = node.parent;
    const ignored =
      !parent ||
      ts.isImportDeclaration(parent) ||
      ts.isExportDeclaration(parent) ||
      ts.isLiteralTypeNode(parent) ||
      ts.isElementAccessExpression(parent) ||
      ts.isCaseClause(parent) ||
      // t('key'), tKey('key', 'English fallback'): the key and its checked fallback
      (ts.isCallExpression(parent) && /^(t|tKey|i18n\.t)$/.test(parent.expression.getText(sf))) ||
      (ts.isBinaryExpression(parent) && /^[!=]==?$/.test(parent.operatorToken.getText(sf))) ||
      // commands' and node types' label, hint and group, and NODE_GROUPS: the keys' sources
      (keyed &&
        ((ts.isPropertyAssignment(parent) &&
          /^(label|hint|group)$/.test(parent.name.getText(sf))) ||
          ts.isArrayLiteralExpression(parent)));
    if (pieces && !ignored) {
      const text = pieces.join('…');
      if (prose(text) && !allowed.has(text) && !SHORTCUT.test(text.trim())) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line}: ${text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('untranslated text in .ts modules', () => {
  const files = sourceFiles(ROOT, '.ts').filter((file) => !file.startsWith('i18n/'));

  it('finds prose in string and template literals, and not keys, codes or t() calls', () => {
    const source = `
      const a = t('publishFailure.notCompiled');
      const b = { kind: 'lint', title: \`Could not reach \${url}\`, lines: ['Check the URL.'] };
      if (x === 'Some words') return 'Always';
      const c = 'data.blocks', d = 'tl-muted', e = 'send_text', f = 'Mod+Shift+L';
      throw new Error('Nothing to see');`;
    expect(untranslatedTsText('x.ts', source).map((s) => s.split(': ')[1])).toEqual([
      'Could not reach …',
      'Check the URL.',
      'Always',
      'Nothing to see',
    ]);
  });

  it('has only existing files in its allow-list', () => {
    for (const file of Object.keys(TS_ALLOWED)) expect(files, file).toContain(file);
  });

  it('has no prose in .ts modules that does not go through t()', () => {
    const found = files.flatMap((file) =>
      untranslatedTsText(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
