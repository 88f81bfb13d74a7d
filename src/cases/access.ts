import type { Case } from './repository.js';

/**
 * Who may see a case (its page, history and evidence): administrators every case; officers the
 * cases of their own center; enterprise users the cases their enterprise filed (by credit code, or
 * by being the user who filed); nobody else. The roles are the auth module's; this is the shape of
 * a user the rule needs, so the cases module does not depend on how users are kept.
 */
export interface CaseViewer {
  role: string;
  id?: number | null;
  centerId?: string | null;
  creditCode?: string | null;
}

export function canSeeCase(
  viewer: CaseViewer | null,
  c: Pick<Case, 'centerId'> & { applicant: Pick<Case['applicant'], 'creditCode' | 'userId'> },
): boolean {
  if (!viewer) return false;
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'officer':
      return Boolean(viewer.centerId) && viewer.centerId === c.centerId;
    case 'enterprise': {
      const byCode = Boolean(viewer.creditCode) && viewer.creditCode === c.applicant.creditCode;
      const byUser = viewer.id !== undefined && viewer.id !== null && viewer.id === c.applicant.userId;
      return byCode || byUser;
    }
    default:
      return false;
  }
}
