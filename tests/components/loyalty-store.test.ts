// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function loyaltyStore() {
  vi.resetModules();
  return import('../../src/stores/loyalty');
}

const GOOD = [
  'Region,NPS,Renew,Try other,Quarter',
  ...Array.from({ length: 40 }, (_, i) => `North,${i % 2 === 0 ? 10 : 6},9,7,2026 Q1`),
  ...Array.from({ length: 40 }, () => 'South,9,9,9,2026 Q2'),
].join('\n');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('loyalty calculator store', () => {
  it('reads a file, matches its columns and reports', async () => {
    const store = await loyaltyStore();
    const stop = store.report.listen(() => {});
    await store.loadText('survey.csv', GOOD);
    expect(store.phase.get()).toBe('ready');
    expect(store.progress.get()).toBe(1);
    expect(store.data.get()?.map).toEqual({
      recommend: 1,
      repurchase: 2,
      tryOther: 3,
      segment: 0,
      period: 4,
    });
    const report = store.report.get();
    // 60 promoters, 20 detractors of 80 → +50.
    expect(report?.overall.scores.recommend?.value).toBe(50);
    expect(report?.segments.shown.map((s) => s.label)).toEqual(['North', 'South']);
    expect(report?.periods.map((p) => p.label)).toEqual(['2026 Q1', '2026 Q2']);
    expect(JSON.parse(sessionStorage.getItem(store.LOYALTY_DATA_KEY) ?? '{}')).toMatchObject({
      name: 'survey.csv',
    });
    stop();
  });

  it('lists bad rows and waits until the user agrees to leave them out', async () => {
    const store = await loyaltyStore();
    const stop = store.report.listen(() => {});
    await store.loadText('bad.csv', 'nps\n9\n\n11\nseven\n6');
    expect(store.reading.get()?.problemRows).toBe(2);
    expect(store.report.get()).toBeNull();
    store.chooseSkip(true);
    expect(store.report.get()?.overall.n).toBe(2);
    store.chooseSkip(false);
    expect(store.report.get()).toBeNull();
    stop();
  });

  it('keeps the earlier data and says why when a new file cannot be read', async () => {
    const store = await loyaltyStore();
    await store.loadText('survey.csv', GOOD);
    await store.loadText('broken.csv', 'nps,segment\n9,"open quote\n');
    expect(store.phase.get()).toBe('error');
    expect(store.loadError.get()).toMatch(/^broken\.csv: .*quotation mark.*Nothing was changed\.$/);
    expect(store.data.get()?.name).toBe('survey.csv');
    await store.loadText('empty.csv', '');
    expect(store.loadError.get()).toMatch(/empty/);
  });

  it('asks for the recommend column when no header names it, and maps by hand', async () => {
    const store = await loyaltyStore();
    const stop = store.report.listen(() => {});
    await store.loadText('odd.csv', 'score,other\n10,1\n0,2');
    expect(store.data.get()?.map.recommend).toBeNull();
    expect(store.report.get()).toBeNull();
    store.setColumn('recommend', 0);
    expect(store.report.get()?.overall.scores.recommend?.value).toBe(0);
    store.setColumn('segment', 0);
    expect(store.data.get()?.map).toMatchObject({ recommend: null, segment: 0 });
    store.setColumn('segment', null);
    expect(store.data.get()?.map.segment).toBeNull();
    stop();
  });

  it('plans goals on the index or the recommend score, and saves the settings', async () => {
    const store = await loyaltyStore();
    const stop = store.goalPlans.listen(() => {});
    await store.loadText('survey.csv', GOOD);
    store.updateSettings({ near: 60, stretch: null });
    expect(store.goalMeasure.get()).toBe('cli');
    const near = store.goalPlans.get().near;
    expect(near?.distance).toBeCloseTo(60 - (store.report.get()?.overall.cli?.value ?? 0), 10);
    expect(near?.perWave).toBeGreaterThan(1);
    expect(store.goalPlans.get().stretch).toBeNull();
    store.updateSettings({ measure: 'recommend' });
    expect(store.goalMeasure.get()).toBe('recommend');
    expect(store.goalPlans.get().near?.distance).toBe(10);
    expect(JSON.parse(localStorage.getItem(store.LOYALTY_SETTINGS_KEY) ?? '{}')).toMatchObject({
      near: 60,
      measure: 'recommend',
    });
    stop();
  });

  it('restores the data of this tab after a reload, and clears it', async () => {
    const first = await loyaltyStore();
    await first.loadText('survey.csv', GOOD);
    first.setColumn('segment', null);
    first.chooseSkip(true);
    const second = await loyaltyStore();
    await second.restoreData();
    expect(second.data.get()?.name).toBe('survey.csv');
    expect(second.data.get()?.map.segment).toBeNull();
    expect(second.skipProblemRows.get()).toBe(true);
    await second.restoreData();
    expect(second.phase.get()).toBe('ready');
    second.clearData();
    expect(second.data.get()).toBeNull();
    expect(sessionStorage.getItem(second.LOYALTY_DATA_KEY)).toBeNull();
    const third = await loyaltyStore();
    sessionStorage.setItem(third.LOYALTY_DATA_KEY, '{"name": 3}');
    await third.restoreData();
    expect(third.data.get()).toBeNull();
    // Choices that do not fit the data are not applied.
    sessionStorage.setItem(
      third.LOYALTY_DATA_KEY,
      JSON.stringify({ name: 'a.csv', text: 'nps\n9' }),
    );
    sessionStorage.setItem(
      third.LOYALTY_CHOICES_KEY,
      JSON.stringify({
        map: { recommend: 4, repurchase: null, tryOther: null, segment: null, period: null },
        skip: true,
      }),
    );
    await third.restoreData();
    expect(third.data.get()?.map.recommend).toBe(0);
    expect(third.skipProblemRows.get()).toBe(false);
  });

  it('refuses damaged saved settings and starts from the defaults', async () => {
    localStorage.setItem('ccn:tools:loyalty', JSON.stringify({ minSegment: -4 }));
    const store = await loyaltyStore();
    const stop = store.settings.listen(() => {});
    expect(store.settingsStatus.get()).toBe('corrupted');
    expect(store.settings.get().minSegment).toBe(30);
    store.discardDamagedSettings();
    expect(store.settingsStatus.get()).toBe('saved');
    stop();
  });
});
