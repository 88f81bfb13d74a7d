import type { HolderType, RightKind } from '../core/index.js';
import { getRegion } from '../reference/index.js';

export const KIND_LABEL: Record<RightKind, string> = {
  invention: '发明专利',
  utility_model: '实用新型',
  design: '外观设计',
  trademark: '注册商标',
};

export const HOLDER_TYPE_LABEL: Record<HolderType, string> = {
  enterprise: '企业',
  university: '大专院校',
  institute: '科研单位',
  individual: '个人',
  organisation: '机关团体',
  unknown: '未知',
};

/** A region's name for people: Chinese, with the English name where there is one. */
export function regionName(code: string): string {
  if (!code) return '(unknown or outside China)';
  const r = getRegion(code);
  if (!r) return code;
  return r.nameEn ? `${r.nameZh} ${r.nameEn}` : r.nameZh;
}
