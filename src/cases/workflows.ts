import { type CaseType, defineWorkflow, type Workflow } from './types.js';

/**
 * The six state machines, one table each. Every case type ends in a terminal state; the applicant
 * may withdraw from any state that is not terminal; `awaiting_applicant` is where the officer has
 * asked the applicant for more (a supplement, information) and the center's clock stops.
 */

/** 专利快速预审: pre-examination at the center, then the applicant files with CNIPA and waits for the grant. */
const preExamination = defineWorkflow({
  type: 'pre_examination',
  states: [
    'submitted',
    'accepted',
    'rejected_at_intake',
    'under_examination',
    'awaiting_applicant',
    'passed',
    'failed',
    'filed_with_cnipa',
    'granted',
    'closed',
    'withdrawn',
  ],
  initial: 'submitted',
  terminal: ['rejected_at_intake', 'failed', 'granted', 'closed', 'withdrawn'],
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'accepted', by: ['officer'] },
    { action: 'reject', from: ['submitted'], to: 'rejected_at_intake', by: ['officer'] },
    { action: 'start_examination', from: ['accepted'], to: 'under_examination', by: ['officer'] },
    { action: 'request_supplement', from: ['under_examination'], to: 'awaiting_applicant', by: ['officer'] },
    { action: 'reply', from: ['awaiting_applicant'], to: 'under_examination', by: ['applicant'] },
    // No reply to a supplement request: the officer (or the timer) closes the case.
    { action: 'abandon', from: ['awaiting_applicant'], to: 'closed', by: ['officer', 'system'] },
    { action: 'pass', from: ['under_examination'], to: 'passed', by: ['officer'] },
    { action: 'fail', from: ['under_examination'], to: 'failed', by: ['officer'] },
    { action: 'record_filing', from: ['passed'], to: 'filed_with_cnipa', by: ['applicant', 'officer'] },
    // Not filed with CNIPA within the filing period after the pass.
    { action: 'lapse', from: ['passed'], to: 'closed', by: ['system', 'officer'] },
    { action: 'record_grant', from: ['filed_with_cnipa'], to: 'granted', by: ['officer', 'system'] },
    { action: 'record_refusal', from: ['filed_with_cnipa'], to: 'closed', by: ['officer', 'system'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

/** 快速维权 / 侵权投诉: an infringement complaint, investigated and decided or settled. */
const rightsProtection = defineWorkflow({
  type: 'rights_protection',
  states: [
    'submitted',
    'accepted',
    'rejected_at_intake',
    'investigating',
    'awaiting_applicant',
    'decided',
    'mediated',
    'closed',
    'withdrawn',
  ],
  initial: 'submitted',
  terminal: ['rejected_at_intake', 'decided', 'mediated', 'closed', 'withdrawn'],
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'accepted', by: ['officer'] },
    { action: 'reject', from: ['submitted'], to: 'rejected_at_intake', by: ['officer'] },
    { action: 'start_investigation', from: ['accepted'], to: 'investigating', by: ['officer'] },
    { action: 'request_supplement', from: ['investigating'], to: 'awaiting_applicant', by: ['officer'] },
    { action: 'reply', from: ['awaiting_applicant'], to: 'investigating', by: ['applicant'] },
    { action: 'abandon', from: ['awaiting_applicant'], to: 'closed', by: ['officer', 'system'] },
    { action: 'decide', from: ['investigating'], to: 'decided', by: ['officer'] },
    // The parties settle while the case is investigated.
    { action: 'settle', from: ['investigating'], to: 'mediated', by: ['officer'] },
    // No infringement found, or outside the center's remit.
    { action: 'dismiss', from: ['investigating'], to: 'closed', by: ['officer'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

/** 纠纷调解: sessions are scheduled (and adjourned) until the parties agree or do not. */
const mediation = defineWorkflow({
  type: 'mediation',
  states: [
    'submitted',
    'accepted',
    'rejected_at_intake',
    'scheduled',
    'mediating',
    'agreement',
    'no_agreement',
    'withdrawn',
  ],
  initial: 'submitted',
  terminal: ['rejected_at_intake', 'agreement', 'no_agreement', 'withdrawn'],
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'accepted', by: ['officer'] },
    { action: 'reject', from: ['submitted'], to: 'rejected_at_intake', by: ['officer'] },
    { action: 'schedule', from: ['accepted'], to: 'scheduled', by: ['officer'] },
    { action: 'reschedule', from: ['scheduled'], to: 'scheduled', by: ['officer'] },
    { action: 'begin', from: ['scheduled'], to: 'mediating', by: ['officer'] },
    { action: 'adjourn', from: ['mediating'], to: 'scheduled', by: ['officer'] },
    { action: 'record_agreement', from: ['mediating'], to: 'agreement', by: ['officer'] },
    // Also when the other party declines to take part.
    { action: 'record_no_agreement', from: ['scheduled', 'mediating'], to: 'no_agreement', by: ['officer'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

/** 电商平台侵权投诉: reviewed by the center, then forwarded to the platform, which acts or refuses. */
const ecommerceTakedown = defineWorkflow({
  type: 'ecommerce_takedown',
  states: [
    'submitted',
    'reviewing',
    'awaiting_applicant',
    'rejected_at_review',
    'forwarded_to_platform',
    'taken_down',
    'refused',
    'withdrawn',
  ],
  initial: 'submitted',
  terminal: ['rejected_at_review', 'taken_down', 'refused', 'withdrawn'],
  transitions: [
    { action: 'start_review', from: ['submitted'], to: 'reviewing', by: ['officer'] },
    { action: 'request_supplement', from: ['reviewing'], to: 'awaiting_applicant', by: ['officer'] },
    { action: 'reply', from: ['awaiting_applicant'], to: 'reviewing', by: ['applicant'] },
    {
      action: 'reject',
      from: ['reviewing', 'awaiting_applicant'],
      to: 'rejected_at_review',
      by: ['officer'],
    },
    { action: 'forward', from: ['reviewing'], to: 'forwarded_to_platform', by: ['officer'] },
    // The platform's answer, entered by the officer or received from the platform's interface.
    {
      action: 'record_takedown',
      from: ['forwarded_to_platform'],
      to: 'taken_down',
      by: ['officer', 'system'],
    },
    { action: 'record_refusal', from: ['forwarded_to_platform'], to: 'refused', by: ['officer', 'system'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

/** 海外纠纷应对指导: accepted, advised on, answered with written guidance. */
const overseasGuidance = defineWorkflow({
  type: 'overseas_guidance',
  states: [
    'submitted',
    'advising',
    'awaiting_applicant',
    'rejected_at_intake',
    'guidance_given',
    'closed',
    'withdrawn',
  ],
  initial: 'submitted',
  terminal: ['rejected_at_intake', 'guidance_given', 'closed', 'withdrawn'],
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'advising', by: ['officer'] },
    { action: 'reject', from: ['submitted'], to: 'rejected_at_intake', by: ['officer'] },
    { action: 'request_supplement', from: ['advising'], to: 'awaiting_applicant', by: ['officer'] },
    { action: 'reply', from: ['awaiting_applicant'], to: 'advising', by: ['applicant'] },
    { action: 'abandon', from: ['awaiting_applicant'], to: 'closed', by: ['officer', 'system'] },
    { action: 'give_guidance', from: ['advising'], to: 'guidance_given', by: ['officer'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

/** 咨询: answered at once or after a closer look, or referred elsewhere. */
const consultation = defineWorkflow({
  type: 'consultation',
  states: ['submitted', 'in_progress', 'awaiting_applicant', 'answered', 'referred', 'closed', 'withdrawn'],
  initial: 'submitted',
  terminal: ['answered', 'referred', 'closed', 'withdrawn'],
  transitions: [
    { action: 'take', from: ['submitted'], to: 'in_progress', by: ['officer'] },
    { action: 'answer', from: ['submitted', 'in_progress'], to: 'answered', by: ['officer'] },
    // To another service of the center or to another authority.
    { action: 'refer', from: ['submitted', 'in_progress'], to: 'referred', by: ['officer'] },
    { action: 'request_supplement', from: ['in_progress'], to: 'awaiting_applicant', by: ['officer'] },
    { action: 'reply', from: ['awaiting_applicant'], to: 'in_progress', by: ['applicant'] },
    { action: 'abandon', from: ['awaiting_applicant'], to: 'closed', by: ['officer', 'system'] },
    { action: 'withdraw', from: 'open', to: 'withdrawn', by: ['applicant'] },
  ],
});

export const WORKFLOWS: Record<CaseType, Workflow> = {
  pre_examination: preExamination,
  rights_protection: rightsProtection,
  mediation,
  ecommerce_takedown: ecommerceTakedown,
  overseas_guidance: overseasGuidance,
  consultation,
};
