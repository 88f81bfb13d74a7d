import type { Field } from './fields.js';
import type { PatentKind } from './params.js';
import type { Rng } from './random.js';

/**
 * Titles, abstracts and classifications of patents, in the set phrases Chinese patent titles use
 * (一种…的制备方法, …方法、装置、电子设备及存储介质, 一种…用…装置).
 */
const QUALIFIERS = ['高效', '智能', '高精度', '低成本', '耐腐蚀', '高强度', '环保型', '轻量化'];
const UM_QUALIFIERS = ['新型', '便携式', '可调节', '节能型', '防尘', '多功能', '自动', '模块化', '可拆卸'];
const PARTS = [
  '固定装置',
  '连接结构',
  '散热结构',
  '安装支架',
  '防护罩',
  '调节机构',
  '清洁装置',
  '密封结构',
  '减震装置',
];
const AIMS = ['便于安装', '便于维护', '散热效果好', '稳定性高', '防护性能好', '便于调节'];
/** What a utility model on a material field claims: the equipment of its production. */
const PLANT = [
  '生产用搅拌装置',
  '生产用干燥装置',
  '检测装置',
  '生产用输送装置',
  '成型装置',
  '生产用过滤装置',
  '生产线',
];
const METHODS_ON = ['深度学习', '改进YOLO', 'Transformer', '图神经网络', '多源数据融合', '数字孪生'];
const EFFECTS = [
  '该方案结构简单、成本低，显著提高了生产效率。',
  '有效提高了产品的稳定性和使用寿命。',
  '解决了现有技术中精度低、能耗高的问题。',
  '具有工艺简单、易于产业化的优点。',
  '提升了处理速度与准确率。',
  '降低了生产成本，减少了环境污染。',
  '操作方便，安全可靠。',
];
const DIGITAL_EFFECTS = [
  '提升了识别准确率与处理速度。',
  '降低了计算开销，便于在边缘设备上部署。',
  '提高了系统的鲁棒性与实时性。',
  '减少了人工标注的工作量。',
];
const DESIGN_POINTS = ['形状', '图案', '形状与图案的结合', '形状、图案与色彩的结合'];
const DESIGN_VARIANTS = ['（一）', '（二）', '（三）', '（青花）', '（智能款）', '（豪华版）'];

export interface PatentText {
  title: string;
  abstract: string;
}

function inventionTitle(f: Field, rng: Rng): string {
  const useProcess = f.processes.length > 0 && (f.digital ? rng.chance(0.85) : rng.chance(0.4));
  if (useProcess) {
    const p = rng.pick(f.processes);
    // 工艺 (a process of making) only where the field makes materials.
    if (!f.digital) return f.materials.length > 0 && rng.chance(0.3) ? `一种${p}工艺` : `一种${p}方法`;
    const r = rng.float();
    if (r < 0.3) return `${p}方法、装置、电子设备及存储介质`;
    if (r < 0.55) return `一种基于${rng.pick(METHODS_ON)}的${p}方法`;
    if (r < 0.75) return `一种${p}方法及系统`;
    return `一种${p}方法`;
  }
  const r = rng.float();
  if (f.materials.length > 0 && (f.devices.length === 0 || rng.chance(0.5))) {
    const m = rng.pick(f.materials);
    if (r < 0.45) return `一种${m}及其制备方法`;
    if (r < 0.75) return `一种${m}的制备方法`;
    return `一种${rng.pick(QUALIFIERS)}${m}`;
  }
  const d = rng.pick(f.devices);
  if (r < 0.3) return `一种${rng.pick(QUALIFIERS)}${d}`;
  if (r < 0.45) return `一种${d}及其控制方法`;
  if (r < 0.55) return `一种${d}及其使用方法`;
  return `一种${d}`;
}

function utilityTitle(f: Field, rng: Rng): string {
  if (f.devices.length === 0 || (f.materials.length > 0 && rng.chance(0.25))) {
    return `一种${rng.pick(f.materials)}${rng.pick(PLANT)}`;
  }
  const prod = rng.pick(f.devices);
  const r = rng.float();
  if (r < 0.35) return `一种${rng.pick(UM_QUALIFIERS)}${prod}`;
  if (r < 0.6) return `一种${prod}用${rng.pick(PARTS)}`;
  if (r < 0.75) return `一种${rng.pick(AIMS)}的${prod}`;
  return `一种${prod}`;
}

const subject = (title: string): string => (title.startsWith('一种') ? title.slice(2) : title);

export function patentText(
  kind: PatentKind,
  f: Field,
  design: readonly [string, string] | null,
  rng: Rng,
): PatentText {
  if (kind === 'design' && design) {
    const title = rng.chance(0.3) ? design[0] + rng.pick(DESIGN_VARIANTS) : design[0];
    return { title, abstract: `本外观设计产品为${design[0]}，设计要点在于${rng.pick(DESIGN_POINTS)}。` };
  }
  if (kind === 'utility_model') {
    const title = utilityTitle(f, rng);
    const parts = `${rng.pick(PARTS)}和${rng.pick(PARTS)}`;
    return {
      title,
      abstract: `本实用新型公开了一种${subject(title)}，属于${f.nameZh}技术领域，包括${parts}。${rng.pick(EFFECTS)}`,
    };
  }
  const title = inventionTitle(f, rng);
  const effect = rng.pick(f.digital ? DIGITAL_EFFECTS : EFFECTS);
  return { title, abstract: `本发明公开了一种${subject(title)}，属于${f.nameZh}技术领域。${effect}` };
}

/** One to three IPC codes: the field's main group first, sometimes a second of the same field or another. */
export function ipcCodes(f: Field, other: Field, rng: Rng): string[] {
  const first = rng.pick(f.ipc);
  const r = rng.float();
  if (r < 0.3) {
    const second = rng.pick(f.ipc);
    return second === first ? [first] : [first, second];
  }
  if (r < 0.38) {
    const second = rng.pick(other.ipc);
    return second === first ? [first] : [first, second];
  }
  return [first];
}
