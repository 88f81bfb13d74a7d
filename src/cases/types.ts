/** The case types a protection center handles (see the glossary for their names). */
export const CASE_TYPES = [
  'pre_examination',
  'rights_protection',
  'mediation',
  'ecommerce_takedown',
  'overseas_guidance',
  'consultation',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, { en: string; zh: string }> = {
  pre_examination: { en: 'fast-track pre-examination', zh: '专利快速预审' },
  rights_protection: { en: 'rights protection', zh: '快速维权' },
  mediation: { en: 'dispute mediation', zh: '纠纷调解' },
  ecommerce_takedown: { en: 'e-commerce takedown request', zh: '电商平台侵权投诉' },
  overseas_guidance: { en: 'overseas dispute guidance', zh: '海外纠纷应对指导' },
  consultation: { en: 'consultation', zh: '咨询' },
};

/** Who takes an action: the center's officer, the applicant, or ipregion itself (timers, imports). */
export const ACTORS = ['officer', 'applicant', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export interface TransitionRule {
  action: string;
  from: readonly string[];
  to: string;
  by: readonly Actor[];
}

/** A case type's state machine, as data. */
export interface Workflow {
  type: CaseType;
  initial: string;
  states: readonly string[];
  terminal: readonly string[];
  transitions: readonly TransitionRule[];
}

interface WorkflowSpec<S extends string> {
  type: CaseType;
  states: readonly S[];
  initial: NoInfer<S>;
  terminal: readonly NoInfer<S>[];
  /** `from: 'open'` stands for every state that is not terminal. */
  transitions: readonly {
    action: string;
    from: readonly NoInfer<S>[] | 'open';
    to: NoInfer<S>;
    by: readonly Actor[];
  }[];
}

/**
 * A workflow from its table. The states are inferred from `states` only, so a misspelt state
 * anywhere else in the table is a compile error.
 */
export function defineWorkflow<const S extends string>(spec: WorkflowSpec<S>): Workflow {
  const open = spec.states.filter((s) => !spec.terminal.includes(s));
  return {
    type: spec.type,
    initial: spec.initial,
    states: spec.states,
    terminal: spec.terminal,
    transitions: spec.transitions.map((t) => ({ ...t, from: t.from === 'open' ? open : t.from })),
  };
}
