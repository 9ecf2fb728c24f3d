import { addDays, daysBetween, financialYearOf, isWeekday, maxDate, minDate } from './dates';
import { DEMO_ACTORS, generateDemoCouncil, type DemoStep } from './index';

type PlacementStep = Extract<DemoStep, { streamKind: 'placement' }>;
type Data<T extends PlacementStep['command']['type']> = Extract<PlacementStep['command'], { type: T }>['data'];

const weekdaysBetween = (from: string, to: string) => Array.from({ length: daysBetween(from, to) }, (_, i) => addDays(from, i + 1)).filter(isWeekday).length;

/** The current term's end, as the decider sees it: start + initial term, then each extension's newTermEnd. */
function currentTermEnd(history: readonly PlacementStep[]): string | undefined {
  let termEnd: string | undefined;
  for (const { command } of history) {
    if (command.type === 'CommissionPlacement') termEnd = addDays(command.data.startDate, command.data.initialTermDays ?? 28);
    if (command.type === 'ExtendPlacement') termEnd = command.data.newTermEnd;
  }
  return termEnd;
}

const CASES: readonly [string, number | undefined][] = [['2026-11-23', undefined], ['2026-04-02', 1], ['2027-03-31', 99]];

describe.each(CASES)('the demo council to %s (seed %s)', (TODAY, seed) => {
  const script = generateDemoCouncil({ today: TODAY, seed });
  const steps = script.steps.flatMap((s) => (s.streamKind === 'placement' ? [s] : []));
  const byPlacement = new Map<string, PlacementStep[]>();
  for (const step of steps) byPlacement.set(step.placementId, [...(byPlacement.get(step.placementId) ?? []), step]);
  const ofType = <T extends PlacementStep['command']['type']>(type: T, within: readonly PlacementStep[] = steps) =>
    within.flatMap((s) => (s.command.type === type ? [{ step: s, data: s.command.data as Data<T> }] : []));
  const lastEnd = (history: readonly PlacementStep[]) => ofType('EndPlacement', history).pop()?.data.endDate;
  const commissioned = [...byPlacement.values()].flatMap((history) => {
    const commission = ofType('CommissionPlacement', history)[0];
    return commission === undefined ? [] : [{ history, commission: commission.data, end: lastEnd(history) }];
  });
  const activeAt = (day: string) => commissioned.filter((p) => p.commission.startDate <= day && (p.end === undefined || p.end > day));

  it('is the same for the same seed and day, and different for another seed', () => {
    expect(generateDemoCouncil({ today: TODAY, seed })).toEqual(script);
    expect(generateDemoCouncil({ today: TODAY, seed: (seed ?? 2026) + 1 })).not.toEqual(script);
  });

  it('is in the order recorded, in office hours UTC, each step\'s today the date it was recorded and none after today', () => {
    const instants = script.steps.map((s) => s.recordedAt);
    expect(instants).toEqual([...instants].sort());
    for (const step of script.steps) {
      expect(step.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T(09|1[0-6]):[0-5]\d:[0-5]\d\.000Z$/);
      expect(step.today).toBe(step.recordedAt.slice(0, 10));
      expect(step.today <= TODAY).toBe(true);
    }
    expect(instants[0] <= `${addDays(TODAY, -530)}T17`).toBe(true);
  });

  it('is recorded by the demo actors in their roles', () => {
    for (const step of script.steps) {
      if (step.streamKind === 'placement') expect(DEMO_ACTORS.commissioners).toContain(step.actor.id);
      else expect(step.actor).toEqual({ id: DEMO_ACTORS.finance, role: 'finance' });
    }
  });

  it('has about sixty placements active today and sixty to ninety ended', () => {
    expect(activeAt(TODAY).length).toBeGreaterThanOrEqual(55);
    expect(activeAt(TODAY).length).toBeLessThanOrEqual(65);
    const ended = commissioned.filter((p) => p.end !== undefined && p.end <= TODAY).length;
    expect(ended).toBeGreaterThanOrEqual(60);
    expect(ended).toBeLessThanOrEqual(90);
  });

  it('starts every placement with its request, by uuid, naming the child only by a pseudonymous reference', () => {
    for (const [placementId, history] of byPlacement) {
      expect(placementId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(history[0].command).toMatchObject({ type: 'RequestPlacement', data: { placementId } });
    }
    for (const { data } of ofType('RequestPlacement')) {
      expect(data.childRef).toMatch(/^LAC-[A-Z2-9]{5}$/);
      expect(data.ageAtRequest).toBeGreaterThanOrEqual(0);
      expect(data.ageAtRequest).toBeLessThanOrEqual(17);
    }
  });

  it('commissions only after a search on or before the start that found nothing in-house, or in an emergency', () => {
    for (const { history, commission } of commissioned) {
      const index = history.findIndex((s) => s.command.type === 'CommissionPlacement');
      const searches = ofType('RecordInHouseSearch', history.slice(0, index)).filter(({ data }) => data.searchedOn <= commission.startDate);
      if (commission.emergencyReason === undefined) {
        expect(searches.length).toBeGreaterThan(0);
        expect(searches.every(({ data }) => data.options.every((o) => o.outcome !== 'available'))).toBe(true);
      } else {
        expect(searches).toEqual([]);
      }
    }
  });

  it('ratifies emergencies by a search afterwards: within 1 to 4 working days, except one recorded late', () => {
    const emergencies = commissioned.filter((p) => p.commission.emergencyReason !== undefined);
    expect(emergencies.length).toBeGreaterThanOrEqual(3);
    const delays = emergencies.map(({ history, commission }) => weekdaysBetween(commission.startDate, ofType('RecordInHouseSearch', history)[0].data.searchedOn));
    expect(delays.filter((days) => days > 5)).toHaveLength(1);
    expect(delays.filter((days) => days >= 1 && days <= 4)).toHaveLength(emergencies.length - 1);
  });

  it('meets about one request in five in-house, after a search that found an available carer', () => {
    const searches = ofType('RecordInHouseSearch');
    const available = searches.filter(({ data }) => data.options.some((o) => o.outcome === 'available'));
    expect(available.length / searches.length).toBeGreaterThan(0.15);
    expect(available.length / searches.length).toBeLessThan(0.25);
    for (const { step, data } of ofType('MatchInHouse')) {
      const before = byPlacement.get(step.placementId)!.filter((s) => s.recordedAt < step.recordedAt);
      expect(ofType('RecordInHouseSearch', before).some((s) => s.data.options.some((o) => o.outcome === 'available'))).toBe(true);
      expect(data.startDate <= step.today).toBe(true);
    }
  });

  it('reviews only the current term, once, not after today, and extends only straight after a review that decided to extend', () => {
    for (const { history, commission } of commissioned) {
      let termStart: string = commission.startDate;
      let termEnd = addDays(commission.startDate, commission.initialTermDays ?? 28);
      let reviewed = false;
      history.forEach((step, i) => {
        const ended = lastEnd(history.slice(0, i));
        if (step.command.type === 'RecordFourWeekReview') {
          const { reviewedOn } = step.command.data;
          expect({ reviewed, ended }).toEqual({ reviewed: false, ended: undefined });
          expect(reviewedOn <= step.today && reviewedOn >= termStart).toBe(true);
          reviewed = true;
        }
        if (step.command.type === 'ExtendPlacement') {
          expect(history[i - 1].command).toMatchObject({ type: 'RecordFourWeekReview', data: { outcome: 'extend' } });
          expect(step.command.data.newTermEnd > termEnd && ended === undefined).toBe(true);
          [termStart, termEnd, reviewed] = [termEnd, step.command.data.newTermEnd, false];
        }
      });
    }
  });

  it('has reviews due within seven days and a couple overdue today', () => {
    const open = activeAt(TODAY).filter((p) => p.end === undefined).map((p) => ({ termEnd: currentTermEnd(p.history)!, history: p.history }));
    const unreviewed = open.filter(({ termEnd, history }) => !ofType('RecordFourWeekReview', history).some(({ step }) => currentTermEnd(history.slice(0, history.indexOf(step))) === termEnd));
    expect(unreviewed.filter(({ termEnd }) => termEnd > TODAY && termEnd <= addDays(TODAY, 7)).length).toBeGreaterThanOrEqual(3);
    expect(unreviewed.filter(({ termEnd }) => termEnd <= TODAY)).toHaveLength(2);
  });

  it('keeps every rate within the band for its placement type', () => {
    for (const { history, commission } of commissioned) {
      const band = commission.placementType === 'K2' ? [200_000, 1_200_000] : [80_000, 500_000];
      expect(commission.placementType).toMatch(/^(U4|U5|U6|K2)$/);
      const rates = [commission.weeklyRatePence, ...history.flatMap(({ command: c }) => (c.type === 'ChangeRate' || c.type === 'ExtendPlacement') && c.data.weeklyRatePence !== undefined ? [c.data.weeklyRatePence] : [])];
      for (const rate of rates) expect(rate >= band[0] && rate <= band[1]).toBe(true);
    }
  });

  it('dates rate changes, joint funding and ends within the placement, no business date after the day recorded but planned ends', () => {
    for (const { history, commission, end } of commissioned) {
      for (const { step, data } of [...ofType('ChangeRate', history), ...ofType('AgreeJointFunding', history)]) {
        expect(data.effectiveFrom >= commission.startDate && data.effectiveFrom <= step.today).toBe(true);
        if (end !== undefined) expect(data.effectiveFrom < end).toBe(true);
      }
      for (const { data } of ofType('EndPlacement', history)) expect(data.endDate >= commission.startDate).toBe(true);
      for (const { step, data } of ofType('RecordInHouseSearch', history)) expect(data.searchedOn <= step.today).toBe(true);
    }
    expect(ofType('CommissionPlacement').every(({ step, data }) => data.startDate <= step.today)).toBe(true);
    expect(ofType('ChangeRate').some(({ step, data }) => daysBetween(data.effectiveFrom, step.today) >= 7)).toBe(true);
    expect(ofType('AgreeJointFunding').length).toBeGreaterThanOrEqual(6);
    expect(ofType('EndPlacement').some(({ step, data }) => data.endDate > step.today)).toBe(true);
  });

  it('ends with SSDA903 reasons, moving in-house only after a step-down review', () => {
    const reasons = new Set(ofType('EndPlacement').map(({ data }) => data.reason));
    expect([...reasons].every((r) => ['E4A', 'E41', 'E11', 'E8', 'E12', 'E13', 'moved-in-house'].includes(r))).toBe(true);
    expect(reasons.size).toBeGreaterThanOrEqual(5);
    for (const { step } of ofType('EndPlacement').filter(({ data }) => data.reason === 'moved-in-house')) {
      const reviews = ofType('RecordFourWeekReview', byPlacement.get(step.placementId)!);
      expect(reviews.pop()?.data.outcome).toBe('step-down-in-house');
    }
  });

  it('uses a few providers again and again, with Ofsted grades and distances', () => {
    const providers = new Map(commissioned.map(({ commission: c }) => [c.provider.id, c.provider]));
    expect(providers.size).toBeLessThan(commissioned.length / 5);
    const grades = [...providers.values()].map((p) => p.ofstedGrade);
    expect(grades.filter((g) => g === 'inadequate')).toHaveLength(1);
    expect(grades.filter((g) => g === 'good' || g === 'outstanding').length).toBeGreaterThan(grades.length / 2);
    expect([...providers.values()].some((p) => p.distanceMiles > 20)).toBe(true);
  });

  it('sets budgets for two financial years, adjusts one mid-year, and overspends this year by 3–8% if placements continue', () => {
    const budgets = script.steps.flatMap((s) => (s.streamKind === 'budget' ? [s.command.data] : []));
    const year = financialYearOf(TODAY);
    const previousYear = financialYearOf(addDays(year.start, -1));
    expect([...new Set(budgets.map((b) => b.financialYear))].sort()).toEqual([previousYear.name, year.name]);
    expect(budgets).toHaveLength(7);
    const budget = budgets.filter((b) => b.financialYear === year.name).reduce((all, b) => ({ ...all, [b.costCentre]: b.amountPence }), {} as Record<string, number>);
    const net = commissioned.reduce((sum, { history, commission, end }) => {
      const rates = [{ from: commission.startDate as string, rate: commission.weeklyRatePence as number }];
      history.forEach(({ command: c }, i) => {
        if (c.type === 'ChangeRate') rates.push({ from: c.data.effectiveFrom, rate: c.data.weeklyRatePence });
        if (c.type === 'ExtendPlacement' && c.data.weeklyRatePence !== undefined) rates.push({ from: currentTermEnd(history.slice(0, i))!, rate: c.data.weeklyRatePence });
      });
      rates.sort((a, b) => (a.from < b.from ? -1 : 1));
      const gross = (from: string) => rates.reduce((total, r, i) => total + Math.round(r.rate * Math.max(0, daysBetween(
        maxDate(r.from, from), minDate(rates[i + 1]?.from ?? year.end, minDate(end ?? year.end, year.end)))) / 7), 0);
      const funding = ofType('AgreeJointFunding', history)[0]?.data;
      return sum + gross(year.start) - (funding ? Math.round((funding.shareBasisPoints * gross(maxDate(year.start, funding.effectiveFrom))) / 10_000) : 0);
    }, 0);
    const total = Object.values(budget).reduce((a, b) => a + b, 0);
    expect(net / total - 1).toBeGreaterThan(0.03);
    expect(net / total - 1).toBeLessThan(0.08);
  });
});
