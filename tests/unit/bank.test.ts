import { describe, expect, it } from 'vitest';
import {
  BankContentError,
  allStatements,
  bankPath,
  looksLikeBank,
  dimensionForPage,
  findBankProblems,
  latestBanks,
} from '../../src/lib/bank';
import { testBank } from '../fixtures/test-bank';

const pages = new Set(['page-a', 'page-b']);

describe('findBankProblems', () => {
  it('accepts a sound bank', () => {
    expect(findBankProblems(testBank(), pages)).toEqual([]);
  });

  it('names duplicate ids, missing reverse items and broken playbook links', () => {
    const bank = testBank();
    const [first, second] = bank.dimensions;
    if (!first || !second) throw new Error('fixture');
    second.id = first.id;
    first.statements = first.statements.map((s, i) => ({
      ...s,
      id: i === 1 ? 'lead-1' : s.id,
      reverse: false,
    }));
    first.playbook = ['missing-page'];
    expect(findBankProblems(bank, pages)).toEqual([
      'dimensions: id "lead" is used twice',
      'dimensions.statements: id "lead-1" is used twice',
      'dimensions[0] (lead): no statement has "reverse: true"',
      'dimensions[0].playbook: "missing-page" is not a playbook page',
      // The renamed dimension's actions now point at a dimension that no longer exists.
      'actions[2].dimension: "listen" is not a dimension',
      'actions[3].dimension: "listen" is not a dimension',
    ]);
  });

  it('checks the scale, the stages and the keystone', () => {
    const bank = testBank();
    bank.scale = [...bank.scale].reverse();
    bank.stages[0]!.min = 5;
    bank.stages[2]!.min = 10;
    bank.priority.keystone = 'nobody';
    expect(findBankProblems(bank, pages)).toEqual([
      'scale: values must be 1, 2, 3, 4, 5 in order',
      'stages[0].min must be 0, not 5',
      'stages[2].min (10) must be above the stage before it',
      'priority.keystone: "nobody" is not a dimension',
    ]);
  });

  it('requires both horizons of action for each dimension, with real targets', () => {
    const bank = testBank();
    bank.actions = bank.actions.filter((a) => !(a.dimension === 'train' && a.horizon === 'now'));
    bank.actions.push({
      dimension: 'ghost',
      horizon: 'now',
      text: 'x',
      playbook: 'nope',
      actors: ['anyone'],
    });
    const problems = findBankProblems(bank, pages);
    expect(problems).toContain('actions: dimension "train" has no action with horizon "now"');
    expect(problems).toContain(
      `actions[${bank.actions.length - 1}].dimension: "ghost" is not a dimension`,
    );
    expect(problems).toContain(
      `actions[${bank.actions.length - 1}].playbook: "nope" is not a playbook page`,
    );
  });
});

describe('playbook coverage', () => {
  it('names a playbook page that no dimension measures', () => {
    const bank = testBank();
    expect(findBankProblems(bank, new Set([...pages, 'orphan']))).toEqual([
      'dimensions.playbook: no dimension measures the playbook page "orphan"',
    ]);
  });
});

describe('bank files', () => {
  it('publishes each version at its own path', () => {
    expect(bankPath('culture-navigator', 3)).toBe('/navigator/banks/culture-navigator-3.json');
  });

  it('recognises a fetched bank and rejects a wrong or damaged one', () => {
    const bank = testBank();
    expect(looksLikeBank(bank, 'test-bank', 1)).toBe(true);
    expect(looksLikeBank(bank, 'test-bank', 2)).toBe(false);
    expect(looksLikeBank(bank, 'other', 1)).toBe(false);
    expect(looksLikeBank({ ...bank, dimensions: [] }, 'test-bank', 1)).toBe(false);
    expect(looksLikeBank({ ...bank, actions: undefined }, 'test-bank', 1)).toBe(false);
    expect(looksLikeBank(null, 'test-bank', 1)).toBe(false);
    expect(looksLikeBank('text', 'test-bank', 1)).toBe(false);
  });
});

describe('latestBanks', () => {
  it('keeps the newest version of each bank', () => {
    const v1 = testBank();
    const v2 = { ...testBank(), version: 2 };
    expect(latestBanks([v2, v1]).get('test-bank')?.version).toBe(2);
    expect(latestBanks([v1, v2]).get('test-bank')?.version).toBe(2);
  });

  it('refuses the same version twice', () => {
    expect(() => latestBanks([testBank(), testBank()])).toThrow(BankContentError);
  });
});

describe('helpers', () => {
  it('lists statements in questionnaire order', () => {
    const ids = allStatements(testBank()).map((s) => s.id);
    expect(ids.slice(0, 5)).toEqual(['lead-1', 'lead-2', 'lead-3', 'lead-4', 'listen-1']);
    expect(ids).toHaveLength(17);
  });

  it('maps each playbook page to the first dimension that measures it', () => {
    const bank = testBank();
    bank.dimensions[1]!.playbook = ['page-b', 'page-a'];
    const map = dimensionForPage(bank);
    expect(map.get('page-a')?.id).toBe('lead');
    expect(map.get('page-b')?.id).toBe('listen');
  });
});
