import { generateDemoCouncil, type DemoStep } from './generate-demo-council';

const placementSteps = (steps: readonly DemoStep[]) => steps.flatMap((s) => (s.streamKind === 'placement' ? [s] : []));

describe('the demo council', () => {
  const script = generateDemoCouncil({ today: '2026-11-23' });
  const steps = placementSteps(script.steps);

  it('is the same for the same seed and day, and different for another seed', () => {
    expect(generateDemoCouncil({ today: '2026-11-23' })).toEqual(script);
    expect(generateDemoCouncil({ today: '2026-11-23', seed: 7 })).not.toEqual(script);
  });

  it('is in the order it was recorded, all of it by today', () => {
    const instants = script.steps.map((s) => s.recordedAt);
    expect(instants).toEqual([...instants].sort());
    expect(instants.every((at) => at.slice(0, 10) <= '2026-11-23')).toBe(true);
  });

  it('commissions only after a search or with an emergency reason', () => {
    for (const step of steps.filter((s) => s.command.type === 'CommissionPlacement')) {
      const before = steps.filter((s) => s.placementId === step.placementId && s.recordedAt < step.recordedAt);
      const searched = before.some((s) => s.command.type === 'RecordInHouseSearch');
      const emergency = step.command.type === 'CommissionPlacement' && step.command.data.emergencyReason !== undefined;
      expect(searched || emergency).toBe(true);
    }
  });

  it('extends only straight after a review that decided to extend', () => {
    for (const step of steps.filter((s) => s.command.type === 'ExtendPlacement')) {
      const previous = steps.filter((s) => s.placementId === step.placementId && s.recordedAt < step.recordedAt).pop();
      expect(previous?.command).toMatchObject({ type: 'RecordFourWeekReview', data: { outcome: 'extend' } });
    }
  });

  it('names children only by pseudonymous references', () => {
    for (const step of steps) {
      if (step.command.type === 'RequestPlacement') expect(step.command.data.childRef).toMatch(/^LAC-[A-Z2-9]{5}$/);
    }
  });

  it('has emergencies, in-house matches, joint funding, backdated rate changes and budgets for two years', () => {
    const types = new Set(steps.map((s) => s.command.type));
    expect([...types]).toEqual(expect.arrayContaining(['MatchInHouse', 'AgreeJointFunding', 'ChangeRate', 'EndPlacement', 'WithdrawRequest']));
    expect(steps.some((s) => s.command.type === 'CommissionPlacement' && s.command.data.emergencyReason)).toBe(true);
    const years = new Set(script.steps.flatMap((s) => (s.streamKind === 'budget' ? [s.command.data.financialYear] : [])));
    expect([...years].sort()).toEqual(['2025-26', '2026-27']);
  });
});
