/** The bodies a Joint Solutions Forum agreement can bring in for a placement's needs. */
export type JointFundingContributor = 'health' | 'education';
export const JOINT_FUNDING_CONTRIBUTORS: readonly JointFundingContributor[] = ['health', 'education'];

/**
 * Which recorded needs suggest a share from which contributor. Needs are free text, so these are
 * word stems matched case-insensitively at the start of a word:
 * - health (the ICB, CAMHS): disability, health, mental health, therapeutic, emotional, behavioural, medical, CAMHS;
 * - education (SEND, EHCP funding): education, school, SEN/SEND, EHCP, learning.
 * A need can suggest both ("learning disability"); a need matching neither suggests no one.
 */
export const NEED_CONTRIBUTORS: Readonly<Record<JointFundingContributor, RegExp>> = {
  health: /\b(disab|health|mental|therap|emotion|behavio|medical|camhs)/i,
  education: /\b(educat|school|send?\b|ehcp|learning)/i,
};

/** The contributors the needs suggest, each with the needs that suggest it, in the order of JOINT_FUNDING_CONTRIBUTORS. */
export function contributorsSuggestedBy(needs: readonly string[]): Map<JointFundingContributor, string[]> {
  const suggested = new Map<JointFundingContributor, string[]>();
  for (const contributor of JOINT_FUNDING_CONTRIBUTORS) {
    const matched = needs.filter((need) => NEED_CONTRIBUTORS[contributor].test(need));
    if (matched.length > 0) suggested.set(contributor, matched);
  }
  return suggested;
}
