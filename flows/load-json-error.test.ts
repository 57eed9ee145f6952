import { describe, expect, it } from 'vitest';
import { locateJsonError } from './load-json-error';
import { renderLintText } from './lint/text';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'a comma before "}" is not allowed in JSON'],
    ['{"a" 1}', 1, 6, 'expected ":" after the field name but found "1"'],
    [
      '{\n  "a": tru\n}',
      2,
      8,
      'expected a value (text in "quotes", a number, true, false, null, { or [) but found "t"',
    ],
    ['{"a": "x\ny"}', 1, 9, 'a line break or control character inside text must be escaped'],
    ['{"a": "x', 1, 7, 'text that starts here is never closed with a "'],
    ["{'a': 1}", 1, 2, 'expected a field name in "double quotes" but found "\'"'],
    ['{"a": 1} x', 1, 10, 'unexpected text after the end'],
    ['[1 2]', 1, 4, 'expected "," or "]" but found "2"'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, message });
    expect(renderLintText(locateJsonError(text).text, 'en')).toBe(message);
  });

  it.each([
    ['{"a": 1,}', 'ein Komma vor "}" ist in JSON nicht erlaubt'],
    ['{"a" 1}', 'erwartet ":" nach dem Feldnamen, gefunden "1"'],
    ['{"a": 1', 'erwartet "," oder "}", gefunden das Ende der Datei'],
    ['{"a":\n', 'die Datei endet, wo ein Wert erwartet wurde'],
    ['{"a": "x', 'der hier beginnende Text wird nie mit " geschlossen'],
    ['[1\n 2]', 'erwartet "," oder "]", gefunden "2"'],
  ])('says what is wrong in %j in German', (text, german) => {
    expect(renderLintText(locateJsonError(text).text, 'de')).toBe(german);
  });
});
