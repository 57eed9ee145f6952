import { describe, expect, it } from 'vitest';
import { addNodes, cleanFlow, codes, node } from '../lint/test-fixtures';
import { parseJsonPath, readJsonPath } from './jsonPath';

const answer = {
  name: 'Anna',
  'first name': 'Anna Maria',
  'say "hi"': 'quoted',
  'back\\slash': 'slashed',
  items: [{ 'a b': 'spaced', id: 7 }, { 'a b': 'second' }],
  order: { status: 'shipped', 'tracking-url': 'https://t.example/1' },
  empty: '',
};

describe('JSON paths of http saves', () => {
  it.each([
    ['$', answer],
    ['$.name', 'Anna'],
    ['$["name"]', 'Anna'],
    ["$['name']", 'Anna'],
    ['$["first name"]', 'Anna Maria'],
    ['$.items[0]["a b"]', 'spaced'],
    ["$.items[1]['a b']", 'second'],
    ['$["items"][0].id', 7],
    ['$.order["tracking-url"]', 'https://t.example/1'],
    ['$.order.tracking-url', 'https://t.example/1'],
    ['$["say \\"hi\\""]', 'quoted'],
    ['$["back\\\\slash"]', 'slashed'],
    ['$.empty', ''],
  ])('reads %s', (path, expected) => {
    expect(readJsonPath(answer, path)).toEqual(expected);
  });

  it.each([
    ['$.missing'],
    ['$.items[2]'],
    ['$.items["0"]'], // a name on a list
    ['$.order[0]'], // an index on an object
    ['$.name.first'], // into a string
    ['$.constructor'], // not a member of the answer
    ['$.items.length'],
  ])('finds nothing at %s', (path) => {
    expect(readJsonPath(answer, path)).toBeUndefined();
  });

  it.each([
    'name',
    '$name',
    '$.',
    '$..name',
    '$[name]',
    '$["name"',
    '$["na"me"]',
    '$[-1]',
    '$.items[0',
    '$.a b',
    '$["x"]trailing',
  ])('refuses the malformed path %s', (path) => {
    expect(parseJsonPath(path)).toBeUndefined();
    expect(readJsonPath(answer, path)).toBeUndefined();
  });

  it('splits a path into names and indexes', () => {
    expect(parseJsonPath('$.items[0]["a b"]')).toEqual(['items', 0, 'a b']);
    expect(parseJsonPath(`$['it\\'s']`)).toEqual(["it's"]);
    expect(parseJsonPath('$')).toEqual([]);
  });
});

describe('the linter and the engine agree on save paths', () => {
  const withSave = (path: string) => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [
        node('n-http', 'http', {
          method: 'GET',
          url: 'https://api.example.com/x',
          save: [{ variable: 'name', path }],
        }),
      ],
      [
        ['n-a', 'next', 'n-http'],
        ['n-http', 'ok', 'n-end'],
      ],
    );
    return codes(doc);
  };

  it.each(['$.items[0]["a b"]', "$['first name']", '$.order.status'])('accepts %s', (path) => {
    expect(withSave(path)).not.toContain('http-save-path-invalid');
  });

  it.each(['$[name]', '$.a b', 'order.status'])('refuses %s', (path) => {
    expect(withSave(path)).toContain('http-save-path-invalid');
  });
});
