import { describe, expect, it } from 'vitest';
import {
  BankContentError,
  allStatements,
  bankPath,
  looksLikeBank,
  dimensionForPage,
  findBankProblems,
  latestBanks,
  normaliseBank,
  visibleStatements,
} from '../../src/lib/bank';
import { testBank, testBankV2 } from '../fixtures/test-bank';

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
    expect(looksLikeBank({ ...bank, rules: undefined }, 'test-bank', 1)).toBe(false);
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

describe('rules 2 cross-checks', () => {
  it('accepts the sound rules-2 test bank', () => {
    expect(findBankProblems(testBankV2(), pages)).toEqual([]);
  });

  it('requires balanced keying, bounded weights, instructions and an action for anyone', () => {
    const bank = testBankV2();
    delete bank.instructions;
    const [lead, listen] = bank.dimensions;
    if (!lead || !listen) throw new Error('fixture');
    listen.statements[0]!.reverse = true;
    lead.weight = 1.5;
    bank.actions = bank.actions.filter(
      (a) => !(a.dimension === 'train' && a.actors[0] === 'anyone'),
    );
    expect(findBankProblems(bank, pages)).toEqual([
      'instructions: rules version 2 needs instructions (time frame, "we", "leaders")',
      'dimensions: every dimension needs the same number of reverse-worded statements (found lead 2, listen 3, train 2, cheer 2)',
      'dimensions[0].weight (1.5) is outside rules.weights (0.9 to 1.1)',
      'actions: dimension "train" has no action that "anyone" can take',
    ]);
  });

  it('checks judges, actors and what each role is shown', () => {
    const bank = testBankV2();
    const train = bank.dimensions[2];
    if (!train) throw new Error('fixture');
    // Front-line staff would see no reverse-worded training statement.
    for (const s of train.statements) if (s.reverse) s.judges = ['executive', 'ghost'];
    bank.actions[0]!.actors = ['anyone', 'manager'];
    if (bank.rules.version === 2) bank.rules.checks.minAnswers = 18;
    expect(findBankProblems(bank, pages)).toEqual([
      'dimensions[2].statements[3].judges: "ghost" is not a role',
      'dimensions[2].statements[4].judges: "ghost" is not a role',
      'actions[0].actors: "anyone" already includes every role',
      'dimensions (train): role "manager" must be shown at least one normal and one reverse-worded statement',
      'rules.checks.minAnswers (18) is more than the 17 statements role "frontline" is shown',
      'dimensions (train): role "frontline" must be shown at least one normal and one reverse-worded statement',
      'rules.checks.minAnswers (18) is more than the 17 statements role "other" is shown',
      'dimensions (train): role "other" must be shown at least one normal and one reverse-worded statement',
    ]);
  });
});

describe('visibleStatements and normaliseBank', () => {
  it('shows a role only the statements it can judge, and everything without a role', () => {
    const bank = testBankV2();
    expect(visibleStatements(bank, 'frontline').map((s) => s.id)).not.toContain('lead-3');
    expect(visibleStatements(bank, 'manager').map((s) => s.id)).toContain('lead-3');
    expect(visibleStatements(bank, null)).toHaveLength(20);
  });

  it('lets every role judge a statement that names no judges', () => {
    const bank = testBank();
    const data = {
      ...bank,
      dimensions: bank.dimensions.map((d) => ({
        ...d,
        statements: d.statements.map((s) => ({ id: s.id, text: s.text, reverse: s.reverse })),
      })),
    };
    const normalised = normaliseBank(data);
    expect(normalised.dimensions[0]?.statements[0]?.judges).toEqual([
      'executive',
      'manager',
      'frontline',
      'other',
    ]);
    expect(normaliseBank(testBankV2()).dimensions[0]?.statements[2]?.judges).toEqual([
      'executive',
      'manager',
    ]);
  });
});
