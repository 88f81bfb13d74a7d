import { loadTermScheme } from './term-scheme.js';
import type { IndustryScheme } from './types.js';

/**
 * The artificial-intelligence subsystem of CNIPA 《关键数字技术专利分类体系（2023）》: 41 branches
 * (1.1 智能芯片 … 3.6.4 脑机交互), every row with required keywords. The transcription does not name
 * the first level (1, 2, 3), so rather than inventing names every branch without a listed parent
 * hangs from one node for the subsystem, `ai-2023:ai` (人工智能).
 */
export const AI_FILE = 'key-digital-tech-ai-ipc-2023.json';

const BRANCHES_EN: Readonly<Record<string, string>> = {
  '1.1': 'AI chips',
  '1.1.1': 'GPU',
  '1.1.2': 'FPGA',
  '1.1.3': 'ASIC',
  '1.1.4': 'Neuromorphic chips',
  '1.1.5': 'NPU',
  '2.1': 'Machine learning',
  '2.1.1': 'Classical machine learning',
  '2.1.2': 'Reinforcement learning',
  '2.1.3': 'Deep learning',
  '2.2': 'Knowledge graphs',
  '2.3': 'Brain-inspired computing',
  '2.4': 'Quantum intelligent computing',
  '2.5': 'Pattern recognition',
  '2.6': 'Swarm intelligence',
  '2.7': 'Hybrid intelligence',
  '3.1': 'Natural language processing',
  '3.1.1': 'Machine translation',
  '3.1.2': 'Semantic understanding',
  '3.2': 'Intelligent speech',
  '3.2.1': 'Speech recognition',
  '3.2.2': 'Speech synthesis',
  '3.3': 'Computer vision',
  '3.3.1': 'Image recognition',
  '3.3.2': 'Image enhancement',
  '3.3.3': 'Image generation',
  '3.4': 'Biometric recognition',
  '3.4.1': 'Fingerprint recognition',
  '3.4.2': 'Face recognition',
  '3.4.3': 'Iris recognition',
  '3.4.4': 'Voiceprint recognition',
  '3.4.5': 'DNA identification',
  '3.4.6': 'Behavioural biometrics',
  '3.5': 'Augmented reality (AR) / virtual reality (VR)',
  '3.5.1': 'Augmented reality (AR)',
  '3.5.2': 'Virtual reality (VR)',
  '3.6': 'Human-computer interaction',
  '3.6.1': 'Voice interaction',
  '3.6.2': 'Motion-sensing interaction',
  '3.6.3': 'Gesture interaction',
  '3.6.4': 'Brain-computer interaction',
};

export function loadAiScheme(): IndustryScheme {
  return loadTermScheme({
    file: AI_FILE,
    scheme: 'ai-2023',
    name: {
      zh: '关键数字技术专利分类体系（2023）· 人工智能',
      en: 'Key digital technologies patent classification (2023): artificial intelligence',
    },
    source:
      'CNIPA 关键数字技术专利分类体系（2023）, AI subsystem only, as transcribed in github.com/vvangpc/pr-re data/shuzi.js',
    tops: {
      ai: {
        name: { zh: '人工智能', en: 'Artificial intelligence' },
        note: 'the subsystem as a whole; the transcription does not name its first level',
      },
    },
    topOf: () => 'ai',
    branchesEn: BRANCHES_EN,
  });
}
