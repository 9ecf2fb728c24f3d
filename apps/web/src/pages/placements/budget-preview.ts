import { formatPounds, type Pence } from '@ledger/domain';
import type { PlacementPreview } from '@ledger/reporting';

const RAG_WORDS = { green: 'green (within budget)', amber: 'amber (overspending)', red: 'red (overspending past the threshold)' } as const;

const signed = (value: Pence) => (value < 0 ? `${formatPounds(-value as Pence)} over budget` : `${formatPounds(value)} left`);

/** The preview as the check-your-answers pages show it: a summary list and, when it leaves the cost centre red, a warning. */
export function budgetPreviewView(preview: PlacementPreview, what: 'commission' | 'extension' = 'commission') {
  const goAhead = what === 'commission' ? 'You can still go ahead; the warning is recorded with the commission.' : 'You can still go ahead.';
  const c = preview.continuing;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    rows: [
      row(`This placement in ${preview.financialYear}`, `${formatPounds(preview.placementYearAfterPence)} if it continues to the year end${preview.placementYearBeforePence === 0 ? '' : ` (${formatPounds(preview.placementYearBeforePence)} now)`}`),
      row(`${preview.costCentre} budget`, formatPounds(preview.budgetPence)),
      row('Projected outturn now', `${formatPounds(c.outturnBeforePence)}: ${RAG_WORDS[c.ragBefore]}`),
      row('Projected outturn after this', `${formatPounds(c.outturnAfterPence)}: ${RAG_WORDS[c.ragAfter]}`),
      row('Budget headroom after this', signed(c.headroomAfterPence)),
      row('Committed to term ends, after this', `${formatPounds(preview.committed.outturnAfterPence)} (${formatPounds(preview.committed.outturnBeforePence)} now)`),
    ],
    warning: c.ragAfter !== 'red' || (!preview.turnsRed && c.outturnAfterPence <= c.outturnBeforePence) ? undefined
      : preview.turnsRed
        ? `This would turn ${preview.costCentre} red: its projected outturn would be ${formatPounds(c.outturnAfterPence)} against a budget of ${formatPounds(preview.budgetPence)}. ${goAhead}`
        : `${preview.costCentre} is already red; this adds ${formatPounds((c.outturnAfterPence - c.outturnBeforePence) as Pence)} to its projected outturn. ${goAhead}`,
  };
}
