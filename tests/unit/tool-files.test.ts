import { describe, expect, it } from 'vitest';
import {
  parsePlanFile,
  parseWorksheetsFile,
  planCsv,
  planFile,
  worksheetCsv,
  worksheetsFile,
} from '../../src/lib/tool-files';
import { suggestedPlan } from '../../src/lib/listening';
import { blankWorksheet, type Worksheet } from '../../src/lib/worksheet';
import { TOOLS, toolPath, toolsForPage, unknownPlaybookLinks } from '../../src/lib/tools';

const sheet: Worksheet = {
  ...blankWorksheet('w-1', 'Retail'),
  segments: [
    {
      id: 's-1',
      name: 'Shops',
      pains: [
        {
          id: 'p-1',
          text: '=HYPERLINK("x")',
          importance: 5,
          us: 'woe',
          them: { 'c-1': 'wow' },
          notes: 'a, "b"',
        },
        { id: 'p-2', text: 'Slow refunds', importance: 2, us: null, them: {}, notes: '' },
      ],
    },
  ],
};

describe('worksheet files', () => {
  it('round-trips through JSON', () => {
    expect(parseWorksheetsFile(worksheetsFile([sheet]))).toEqual({ ok: true, value: [sheet] });
    expect(parseWorksheetsFile(`\uFEFF${worksheetsFile([sheet])}`).ok).toBe(true);
  });

  it('refuses bad files with a sentence, all or nothing', () => {
    const message = (text: string) => {
      const read = parseWorksheetsFile(text);
      return read.ok ? '' : read.message;
    };
    expect(message('{oops')).toMatch(/not valid JSON/);
    expect(message(planFile(suggestedPlan()))).toMatch(/not a worksheet file/);
    const damaged = JSON.parse(worksheetsFile([sheet])) as { content: Worksheet[] };
    const first = damaged.content[0]?.segments[0]?.pains[0];
    if (first) first.importance = 7;
    expect(message(JSON.stringify(damaged))).toMatch(
      /damaged at #1 › segments › #1 › pains › #1 › importance/,
    );
    expect(message(' '.repeat(3 * 1024 * 1024))).toMatch(/larger than 2 MB/);
    expect(
      message(JSON.stringify({ format: 'ccn-wows-and-woes', version: 1, content: [] })),
    ).toMatch(/damaged/);
  });

  it('writes a CSV with a column per competitor, the gap, and formulae neutralised', () => {
    const lines = worksheetCsv(sheet)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('segment,pain_point,matters_1_to_5,us,Competitor A,behind_by,notes');
    expect(lines[1]).toBe(`Shops,"'=HYPERLINK(""x"")",5,woe,wow,2,"a, ""b"""`);
    expect(lines[2]).toBe('Shops,Slow refunds,2,,,,');
  });
});

describe('plan files', () => {
  it('round-trips through JSON and refuses a damaged plan', () => {
    const plan = suggestedPlan();
    expect(parsePlanFile(planFile(plan))).toEqual({ ok: true, value: plan });
    const broken = planFile({
      ...plan,
      points: [{ ...plan.points[0]!, response: 'never' as 'none' }],
    });
    const read = parsePlanFile(broken);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toMatch(/damaged at points › #1 › response/);
    expect(parsePlanFile(worksheetsFile([sheet])).ok).toBe(false);
  });

  it('writes the plan as CSV with readable labels', () => {
    const lines = planCsv(suggestedPlan())
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'voice,moment,method,timing,owner,response_to_individual_problems,combined_results_go_to',
    );
    expect(lines[1]).toBe(
      'Before they are customers,Lost deals,Interview,Within two weeks of the decision,,Within a week,',
    );
    expect(lines).toHaveLength(11);
  });
});

describe('tools list', () => {
  it('gives each tool a path and its playbook pages, and finds tools for a page', () => {
    expect(TOOLS.map(toolPath)).toEqual([
      '/tools/loyalty/',
      '/tools/wows-and-woes/',
      '/tools/listening-plan/',
    ]);
    expect(toolsForPage('set-goals').map((t) => t.slug)).toEqual(['loyalty']);
    expect(toolsForPage('train')).toEqual([]);
  });

  it('names playbook links that do not exist', () => {
    const all = new Set(TOOLS.flatMap((t) => t.playbook));
    expect(unknownPlaybookLinks(all)).toEqual([]);
    all.delete('set-goals');
    expect(unknownPlaybookLinks(all)).toEqual([
      'The tool "loyalty" links to a playbook page "set-goals" that does not exist.',
    ]);
  });
});
