import type { TrainingCompletion } from '@motesplats/rules';

/**
 * The seam between training records and the rules: the evaluation asks which modules each
 * member has valid on the meeting's date. Implemented by the training capability; when no
 * provider is registered, nobody has any training (so a required module blocks remote
 * participation, which is the safe reading).
 */
export interface TrainingFacts {
  /** Completions of the given members that are valid on `onDate` (a Stockholm date, YYYY-MM-DD). */
  completionsFor(memberIds: string[], onDate: string): Promise<TrainingCompletion[]>;
}

export const TRAINING_FACTS = Symbol('TRAINING_FACTS');
