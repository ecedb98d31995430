// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { suggestedPlan } from '../../src/lib/listening';
import { freshWorksheets } from '../../src/lib/worksheet';

const WOWS = 'ccn:tools:wows-and-woes';
const PLAN = 'ccn:tools:listening-plan';

async function worksheetStore() {
  vi.resetModules();
  return import('../../src/stores/worksheet');
}

async function listeningStore() {
  vi.resetModules();
  return import('../../src/stores/listening');
}

const saved = (key: string): unknown => JSON.parse(localStorage.getItem(key) ?? 'null');

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saved documents', () => {
  it('does not touch storage until first used', async () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    await worksheetStore();
    expect(getItem).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
  });

  it('saves each change at once and reads it back after a reload', async () => {
    const first = await worksheetStore();
    first.renameSheet('Shops');
    expect((saved(WOWS) as { sheets: { name: string }[] }).sheets[0]?.name).toBe('Shops');
    const again = await worksheetStore();
    const stop = again.activeSheet.listen(() => {});
    expect(again.activeSheet.get().name).toBe('Shops');
    expect(again.worksheetStatus.get()).toBe('saved');
    stop();
  });

  it('works in memory and says so when storage is unavailable', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const store = await worksheetStore();
    store.renameSheet('In memory');
    expect(store.worksheetStatus.get()).toBe('unavailable');
    expect(store.activeSheet.get().name).toBe('In memory');
    expect(localStorage.getItem(WOWS)).toBeNull();
  });

  it('keeps working when a write is refused later (storage full)', async () => {
    const store = await worksheetStore();
    store.renameSheet('Saved');
    // @nanostores/persistent writes by assigning to the storage engine: a full storage throws.
    const { setPersistentEngine, windowPersistentEvents } = await import('@nanostores/persistent');
    const full = new Proxy(localStorage, {
      set() {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    setPersistentEngine(full, windowPersistentEvents);
    try {
      store.renameSheet('Not saved');
      expect(store.worksheetStatus.get()).toBe('unavailable');
      expect(store.activeSheet.get().name).toBe('Not saved');
      store.renameSheet('Still in memory');
      expect(store.activeSheet.get().name).toBe('Still in memory');
    } finally {
      setPersistentEngine(localStorage, windowPersistentEvents);
    }
    expect((saved(WOWS) as { sheets: { name: string }[] }).sheets[0]?.name).toBe('Saved');
  });

  it('leaves a damaged save untouched, works in memory, and can discard it', async () => {
    for (const damaged of ['{not json', JSON.stringify({ active: 'x', sheets: 'nope' })]) {
      localStorage.setItem(WOWS, damaged);
      const store = await worksheetStore();
      const stop = store.worksheets.listen(() => {});
      expect(store.worksheetStatus.get()).toBe('corrupted');
      expect(store.worksheets.get()).toEqual(freshWorksheets());
      store.renameSheet('Typed meanwhile');
      expect(localStorage.getItem(WOWS)).toBe(damaged);
      store.discardDamagedWorksheets();
      expect(store.worksheetStatus.get()).toBe('saved');
      store.renameSheet('Saved again');
      expect((saved(WOWS) as { sheets: { name: string }[] }).sheets[0]?.name).toBe('Saved again');
      stop();
    }
  });

  it('keeps what it has when another tab writes something unreadable', async () => {
    const store = await worksheetStore();
    const stop = store.worksheets.listen(() => {});
    store.renameSheet('Mine');
    localStorage.setItem(WOWS, '{"active":1}');
    window.dispatchEvent(new StorageEvent('storage', { key: WOWS, newValue: '{"active":1}' }));
    expect(store.worksheetStatus.get()).toBe('corrupted');
    expect(store.activeSheet.get().name).toBe('Mine');
    stop();
  });
});

describe('worksheet store', () => {
  it('adds, edits, rates and removes segments, pain points and competitors', async () => {
    const store = await worksheetStore();
    const segmentId = store.addSegment();
    expect(segmentId).toBe('s-2');
    const painId = store.addPain('s-1');
    expect(painId).toBe('p-3');
    store.updatePain('s-1', 'p-3', { text: 'x'.repeat(500), importance: 5, us: 'woe', notes: 'n' });
    expect(store.addCompetitor()).toBe(true);
    store.renameCompetitor('c-2', 'Globex');
    store.rateCompetitor('s-1', 'p-3', 'c-2', 'wow');
    store.renameSegment('s-1', 'Shops');
    let sheet = store.activeSheet.get();
    const pain = sheet.segments[0]?.pains[1];
    expect(pain?.text).toHaveLength(120);
    expect(pain).toMatchObject({ importance: 5, us: 'woe', them: { 'c-2': 'wow' }, notes: 'n' });
    expect(sheet.competitors.map((c) => c.name)).toEqual(['Competitor A', 'Globex']);
    store.removeCompetitor('c-2');
    store.removePain('s-1', 'p-1');
    store.removeSegment('s-2');
    sheet = store.activeSheet.get();
    expect(sheet.competitors).toHaveLength(1);
    expect(sheet.segments.map((s) => [s.name, s.pains.map((p) => [p.id, p.them])])).toEqual([
      ['Shops', [['p-3', {}]]],
    ]);
    expect(store.addPain('no-such-segment')).toBeNull();
  });

  it('stops at the limits', async () => {
    const store = await worksheetStore();
    while (store.addCompetitor());
    expect(store.activeSheet.get().competitors).toHaveLength(6);
    while (store.addSegment() !== null);
    expect(store.activeSheet.get().segments).toHaveLength(20);
    while (store.addPain('s-1') !== null);
    expect(store.activeSheet.get().segments[0]?.pains).toHaveLength(30);
    while (store.addSheet());
    expect(store.worksheets.get().sheets).toHaveLength(20);
    expect(store.importSheets([store.activeSheet.get()])).toBe(0);
  });

  it('keeps several worksheets side by side: new, duplicate, open, delete, import', async () => {
    const store = await worksheetStore();
    store.renameSheet('First');
    store.addSheet();
    expect(store.activeSheet.get().name).toBe('Worksheet 2');
    store.addSheet(true);
    expect(store.activeSheet.get().name).toBe('Worksheet 2 (copy)');
    store.openSheet('w-1');
    expect(store.activeSheet.get().name).toBe('First');
    store.openSheet('missing');
    expect(store.activeSheet.get().name).toBe('First');
    store.deleteSheet();
    expect(store.worksheets.get().sheets.map((s) => s.name)).toEqual([
      'Worksheet 2',
      'Worksheet 2 (copy)',
    ]);
    expect(store.importSheets([{ ...store.activeSheet.get(), id: 'w-2', name: 'Imported' }])).toBe(
      1,
    );
    expect(store.activeSheet.get()).toMatchObject({ id: 'w-1', name: 'Imported' });
    store.deleteSheet();
    store.deleteSheet();
    store.deleteSheet();
    expect(store.worksheets.get()).toEqual(freshWorksheets());
  });
});

describe('listening plan store', () => {
  it('starts from the suggestions and saves edits', async () => {
    const store = await listeningStore();
    const stop = store.plan.listen(() => {});
    expect(store.plan.get()).toEqual(suggestedPlan());
    store.updatePoint('l-1', { owner: 'Sales lead', destination: 'x'.repeat(300) });
    store.renamePlan('Q1 plan');
    const point = store.plan.get().points[0];
    expect(point?.owner).toBe('Sales lead');
    expect(point?.destination).toHaveLength(200);
    expect((saved(PLAN) as { name: string }).name).toBe('Q1 plan');
    expect(store.gaps.get().find((g) => g.kind === 'owner')?.points).toHaveLength(9);
    stop();
  });

  it('adds and removes points, up to the limit', async () => {
    const store = await listeningStore();
    expect(store.addPoint('employee')).toBe('l-11');
    store.removePoint('l-1');
    expect(store.plan.get().points.map((p) => p.id)).not.toContain('l-1');
    while (store.addPoint('customer') !== null);
    expect(store.plan.get().points).toHaveLength(60);
    store.startFromSuggestions();
    expect(store.plan.get()).toEqual(suggestedPlan());
  });

  it('imports a plan and can undo the import', async () => {
    const store = await listeningStore();
    store.renamePlan('Mine');
    store.importPlan({ name: 'Theirs', points: [] });
    expect(store.plan.get().name).toBe('Theirs');
    store.undoImport();
    expect(store.plan.get().name).toBe('Mine');
    expect(store.beforeImport.get()).toBeNull();
    store.undoImport();
    expect(store.plan.get().name).toBe('Mine');
  });

  it('treats a damaged plan like the worksheets', async () => {
    localStorage.setItem(PLAN, JSON.stringify({ name: 1 }));
    const store = await listeningStore();
    const stop = store.plan.listen(() => {});
    expect(store.planStatus.get()).toBe('corrupted');
    store.discardDamagedPlan();
    expect(store.planStatus.get()).toBe('saved');
    expect(saved(PLAN)).toEqual(suggestedPlan());
    stop();
  });
});
