import { describe, expect, it } from 'vitest';
import { findGaps, parsePlan, suggestedPlan, type ListeningPlan } from '../../src/lib/listening';

function complete(plan: ListeningPlan): ListeningPlan {
  return {
    ...plan,
    points: plan.points.map((p) => ({ ...p, owner: 'Ana', destination: 'Monthly review' })),
  };
}

describe('listening plan', () => {
  it('starts from a suggested set covering the three voices, which validates', () => {
    const plan = suggestedPlan();
    expect(new Set(plan.points.map((p) => p.voice))).toEqual(
      new Set(['prospect', 'customer', 'employee']),
    );
    expect(plan.points.map((p) => p.moment)).toEqual(
      expect.arrayContaining([
        'Lost deals',
        'Onboarding',
        'Renewals',
        'Cancellations and unsubscribes',
      ]),
    );
    expect(parsePlan(plan)).toEqual(plan);
    expect(parsePlan({ ...plan, points: [{ ...plan.points[0], voice: 'martian' }] })).toBeNull();
    expect(parsePlan('nonsense')).toBeNull();
  });

  it('finds no gaps in a complete plan', () => {
    expect(findGaps(complete(suggestedPlan()))).toEqual([]);
  });

  it('names a voice not heard, points without owner, no loop back and nothing aggregated', () => {
    const plan = suggestedPlan();
    const noProspects: ListeningPlan = {
      ...plan,
      points: plan.points
        .filter((p) => p.voice !== 'prospect')
        .map((p, i) => ({
          ...p,
          owner: i === 0 ? '' : 'Ana',
          response: p.moment === 'Renewals' ? 'none' : p.response,
        })),
    };
    const gaps = findGaps(noProspects);
    expect(gaps.map((g) => g.kind)).toEqual(['voice', 'owner', 'loop', 'aggregate']);
    expect(gaps[0]?.text).toMatch(/prospects/);
    expect(gaps[1]?.text).toMatch(/^1 point has no owner.*Onboarding/);
    expect(gaps[2]?.text).toMatch(/Renewals/);
    expect(gaps[3]?.text).toMatch(/^Nothing is aggregated/);
    expect(gaps.every((g) => g.playbook.length > 0)).toBe(true);
  });

  it('lists only the points whose results go nowhere when others do, and ignores employees for loop back', () => {
    const plan = complete(suggestedPlan());
    const [first, ...rest] = plan.points;
    if (!first) throw new Error('no points');
    const gaps = findGaps({
      ...plan,
      points: [
        { ...first, destination: ' ', moment: '' },
        ...rest.map((p) => (p.voice === 'employee' ? { ...p, response: 'none' as const } : p)),
      ],
    });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.text).toBe('The combined results of 1 point go nowhere: An unnamed point.');
  });

  it('reports every voice missing in an empty plan, and nothing else', () => {
    const gaps = findGaps({ name: '', points: [] });
    expect(gaps.map((g) => g.kind)).toEqual(['voice', 'voice', 'voice']);
    expect(gaps[1]?.text).toMatch(/customers while they are customers/);
    expect(gaps[2]?.text).toMatch(/employees/);
  });
});
