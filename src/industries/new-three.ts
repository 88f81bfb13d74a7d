import { loadTermScheme } from './term-scheme.js';
import type { IndustryScheme } from './types.js';

/**
 * CNIPA 《"新三样"相关技术专利分类体系（2024）》 (国知办发规字〔2024〕28号): electric vehicles, lithium
 * batteries and photovoltaics, four levels deep. The file lists the 49 branches that carry IPC codes;
 * the three first-level branches are named here from the scheme's own structure (电动汽车、锂电池、
 * 光伏), and intermediate levels the file does not list (1.2, 1.2.1 …) are skipped rather than
 * invented, so `new-three-2024:1.2.1.1` hangs directly from `new-three-2024:1`.
 * The transcription was machine-made from the PDF (its header says so): treat it as unverified.
 */
export const NEW_THREE_FILE = 'new-three-ipc-2024.json';

const TOP_NOTE = 'first-level branch of the scheme; its rules are those of its branches';

const BRANCHES_EN: Readonly<Record<string, string>> = {
  '1.1': 'Electric vehicle manufacturing',
  '1.2.1.1': 'Electric motors and engines',
  '1.2.1.2': 'Electric traction',
  '1.2.1.3': 'Arrangement or mounting of propulsion units and transmissions',
  '1.2.1.4': 'Electric vehicle control',
  '1.2.2': 'Electric vehicle energy storage devices',
  '1.2.3': 'Electric vehicle parts and accessories',
  '1.3.1': 'Charging and energy supply equipment',
  '1.3.2': 'Testing equipment',
  '1.3.3': 'Other related facilities',
  '1.4.1': 'Electric vehicle repair services',
  '1.4.2': 'Charging and battery-swapping services',
  '2.1.1': 'Lithium iron phosphate',
  '2.1.2': 'Ternary materials (lithium nickel cobalt manganese oxide)',
  '2.1.3': 'Lithium cobalt oxide',
  '2.1.4': 'Lithium manganese oxide',
  '2.2.1': 'Carbon-based anodes',
  '2.2.2': 'Silicon-based anodes',
  '2.2.3': 'Silicon-carbon anodes',
  '2.2.4': 'Lithium metal anodes',
  '2.3.1.1': 'Lithium hexafluorophosphate (LiPF6)',
  '2.3.1.2': 'Lithium bis(fluorosulfonyl)imide (LiFSI)',
  '2.3.2.1': 'Sulfide solid electrolytes',
  '2.3.2.2': 'Oxide solid electrolytes',
  '2.3.2.3': 'Polymer solid electrolytes',
  '2.3.2.4': 'Composite solid electrolytes',
  '2.4.1': 'Polypropylene separators',
  '2.4.2': 'Polyethylene separators',
  '2.5.1': 'Thermal management systems',
  '2.5.2': 'Battery management systems (BMS)',
  '2.5.3': 'Connectors',
  '2.5.4': 'Structural parts',
  '2.5.5': 'Fuses',
  '3.1.1': 'Modified Siemens process',
  '3.1.2': 'Silane fluidised-bed process',
  '3.2.1': 'Crystal pulling',
  '3.2.2': 'Wafer slicing',
  '3.2.3': 'Wafer cleaning',
  '3.3.1': 'PERC cells',
  '3.3.2': 'TOPCon cells',
  '3.3.3': 'HIT (heterojunction) cells',
  '3.3.4': 'IBC cells',
  '3.3.5': 'General crystalline-silicon cells',
  '3.4.1': 'Conventional modules',
  '3.4.2': 'Multi-busbar modules',
  '3.4.3': 'Busbar-free (0BB) modules',
  '3.4.4': 'Cut-cell modules',
  '3.4.5': 'Shingled modules',
  '3.4.6': 'Back-contact modules',
};

export function loadNewThreeScheme(): IndustryScheme {
  return loadTermScheme({
    file: NEW_THREE_FILE,
    scheme: 'new-three-2024',
    name: {
      zh: '"新三样"相关技术专利分类体系（2024）',
      en: '"New three" technologies patent classification (2024): electric vehicles, lithium batteries, photovoltaics',
    },
    source:
      'CNIPA, 国知办发规字〔2024〕28号; machine transcription from the PDF in github.com/vvangpc/pr-re data/xinsanyang.js (unverified)',
    tops: {
      '1': { name: { zh: '电动汽车', en: 'Electric vehicles' }, note: TOP_NOTE },
      '2': { name: { zh: '锂电池', en: 'Lithium batteries' }, note: TOP_NOTE },
      '3': { name: { zh: '光伏', en: 'Photovoltaics' }, note: TOP_NOTE },
    },
    topOf: (no) => no.split('.')[0] ?? no,
    branchesEn: BRANCHES_EN,
  });
}
