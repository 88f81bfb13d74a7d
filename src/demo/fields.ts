import { FIELDS_B } from './fields-b.js';

/**
 * Technology fields of the demo: what a right is about. Each field carries its IPC groups, the nouns
 * its titles are made of, its design products with their Locarno classes, the words its firms are
 * named with, and how often it occurs per kind across the region before city specialisation
 * (city-fields.ts) tilts it. Lists are written as space-separated strings to keep the tables short.
 */
export interface Field {
  id: string;
  /** The field as a patent abstract names it (属于…技术领域). */
  nameZh: string;
  weights: { invention: number; utility_model: number; design: number };
  ipc: readonly string[];
  /** Devices and structures: titles `一种X`, `一种X及其控制方法`; the only subjects utility models may have. */
  devices: readonly string[];
  /** Materials and compositions: titles `一种X及其制备方法`; a utility model claims the equipment making them. */
  materials: readonly string[];
  /** Processes: titles `一种X方法`. */
  processes: readonly string[];
  /** Digital fields title their inventions `…方法、装置、设备及存储介质`. */
  digital: boolean;
  designs: ReadonlyArray<readonly [product: string, locarno: string]>;
  /** Words for enterprise names: `合肥` + brand + word + suffix. */
  sector: readonly string[];
}

export interface FieldSpec {
  id: string;
  nameZh: string;
  /** Weights for invention, utility model and design. */
  w: readonly [number, number, number];
  /** IPC groups separated by commas. */
  ipc: string;
  products: string;
  processes: string;
  /** `product:locarno` pairs. */
  designs: string;
  sector: string;
  digital?: boolean;
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
/** Product words that name a material or composition rather than a device. */
const MATERIAL =
  /(材料|釉料|色釉|粉|合金|涂层|磁体|氧化物|母粒|树脂|泡沫|组合物|颗粒|片剂|抗体|疫苗|试剂盒|饲料|白酒|水饺|火腿肠|方便面|米粉|调味料|面制品|饮料|钢|钢板|铜箔|带材|坯|纱线|面料|无纺布|电解质|陶瓷|瓷|导热膜|复合板|塑料|催化剂|处理剂|水稻)$/;

export function field(s: FieldSpec): Field {
  return {
    id: s.id,
    nameZh: s.nameZh,
    weights: { invention: s.w[0], utility_model: s.w[1], design: s.w[2] },
    ipc: s.ipc.split(',').map((c) => c.trim()),
    devices: words(s.products).filter((w) => !MATERIAL.test(w)),
    materials: words(s.products).filter((w) => MATERIAL.test(w)),
    processes: words(s.processes),
    digital: s.digital ?? false,
    designs: words(s.designs).map((d) => {
      const [product, locarno] = d.split(':');
      return [product!, locarno!] as const;
    }),
    sector: words(s.sector),
  };
}

const FIELDS_A: readonly FieldSpec[] = [
  {
    id: 'equipment',
    nameZh: '智能制造装备',
    w: [12, 18, 4],
    ipc: 'B23K 37/04, B23Q 3/06, B23P 19/00, B21D 37/10, B65G 47/90, F16H 57/02, G01N 3/08, G01M 13/00, B25J 9/16, B24B 41/06, B23B 31/00',
    products:
      '数控机床 自动化焊接设备 机器人夹爪 液压缸 齿轮箱 物料输送线 冲压模具 激光切割机 打磨装置 检测工装 上下料机械手 精密减速器 传动轴 工件定位夹具',
    processes: '焊接 精密加工 齿轮热处理 机器人轨迹规划 自动装配 在线检测',
    designs: '数控机床:15-09 工业机器人:15-99 焊机:15-99 检测仪:10-04',
    sector: '机械设备 智能装备 精密机械 自动化设备 机电科技 装备制造',
  },
  {
    id: 'construction',
    nameZh: '工程机械',
    w: [2, 3, 0.5],
    ipc: 'B66C 23/00, B66C 13/40, E02F 9/22, E02F 3/36, B66F 11/04, E01C 19/48, B28C 5/42, E04G 21/04',
    products:
      '起重机臂架 挖掘机动臂 混凝土泵车 旋挖钻机 沥青摊铺机 塔式起重机 高空作业平台 液压挖掘机 泵送系统 回转支承',
    processes: '臂架振动控制 起重机防倾覆控制 泵车排量控制 挖掘机节能控制',
    designs: '挖掘机:15-99 起重机:15-99 混凝土泵车:12-08',
    sector: '重工机械 工程机械 建设机械 重工科技',
  },
  {
    id: 'rareEarth',
    nameZh: '稀土功能材料',
    w: [1.5, 0.5, 0],
    ipc: 'C22C 1/04, C22C 33/02, C22B 59/00, C22B 3/44, H01F 1/057, H01F 41/02, C01F 17/00, C09K 11/77',
    products:
      '钕铁硼永磁体 稀土永磁材料 稀土抛光粉 稀土发光材料 稀土储氢合金 高纯稀土氧化物 钐钴磁体 稀土镁合金',
    processes: '离子型稀土矿浸出 稀土萃取分离 钕铁硼废料回收 稀土晶界扩散 稀土熔盐电解',
    designs: '',
    sector: '稀土新材料 磁材科技 稀土金属 新材料科技',
  },
  {
    id: 'materials',
    nameZh: '新材料',
    w: [8, 4, 0],
    ipc: 'C08L 23/12, C08K 3/04, C08J 5/18, C22C 21/00, C22F 1/047, B32B 27/08, C23C 14/35, C01B 32/184',
    products: '高强度铝合金 聚丙烯复合材料 石墨烯导热膜 碳纤维复合板 可降解塑料 耐磨涂层 超细铜粉 阻燃母粒',
    processes: '铝合金热处理 涂层沉积 复合材料成型 石墨烯剥离',
    designs: '',
    sector: '新材料科技 材料科技 高分子材料 复合材料',
  },
  {
    id: 'ceramics',
    nameZh: '陶瓷及无机非金属材料',
    w: [2, 2, 3],
    ipc: 'C04B 35/10, C04B 33/13, C04B 41/86, C03C 8/00, B28B 1/00, C04B 28/04, C04B 38/00',
    products: '高温色釉 日用陶瓷 氧化铝陶瓷 陶瓷釉料 青花瓷 耐火材料 陶瓷膜 陶瓷窑炉',
    processes: '陶瓷烧制 釉下彩绘制 坯体注浆成型 陶瓷3D打印',
    designs: '花瓶:11-02 茶具:07-01 餐具:07-01 茶杯:07-01 陶瓷摆件:11-02 瓷盘:07-01 瓷板画:11-02',
    sector: '陶瓷 瓷业 陶瓷文化 耐火材料',
  },
  {
    id: 'opto',
    nameZh: '光电子信息',
    w: [7, 3, 1],
    ipc: 'H01S 5/022, H01S 3/067, G02B 6/02, G02B 6/42, H04B 10/40, H10K 59/12, H10B 43/27, H01L 21/02, G02F 1/1333',
    products: '光纤激光器 光模块 保偏光纤 半导体激光芯片 显示面板 三维存储器 光电探测器 红外成像模组',
    processes: '光纤拉制 晶圆键合 半导体结构制作 激光加工',
    designs: '显示器:14-02 光模块:13-03 激光器:13-03',
    sector: '光电 光电子 光通信 半导体 激光 电子科技',
  },
  {
    id: 'auto',
    nameZh: '汽车及零部件',
    w: [5, 7, 4],
    ipc: 'B62D 21/02, B62D 25/20, B60R 16/02, B60G 7/00, B60W 30/18, F16D 65/00, B60J 5/04',
    products: '汽车副车架 转向节 悬架总成 车门锁 汽车座椅骨架 制动器 仪表板横梁 车身结构',
    processes: '车辆行驶控制 车身焊装 自动泊车',
    designs: '汽车:12-08 汽车前保险杠:12-16 车灯:26-06 轮毂:12-16',
    sector: '汽车零部件 汽车科技 汽车部件 车辆装备',
  },
  {
    id: 'nev',
    nameZh: '新能源汽车与动力电池',
    w: [6, 4, 2],
    ipc: 'H01M 10/0525, H01M 10/613, H01M 50/20, H01M 4/525, B60L 58/12, B60L 53/80, B60K 1/04, H02J 7/00',
    products:
      '新能源汽车电池包 电池热管理系统 锂离子电池正极材料 电池模组 充电桩 电驱动总成 储能系统 固态电解质',
    processes: '电池荷电状态估计 电池均衡控制 换电',
    designs: '充电桩:13-02 电动汽车:12-08 电池包:13-02',
    sector: '新能源科技 动力电池 电池科技 新能源汽车 储能科技',
  },
  {
    id: 'ai',
    nameZh: '人工智能与软件',
    w: [10, 1, 3],
    ipc: 'G06N 3/08, G06N 3/045, G06F 16/35, G06F 40/30, G06V 10/82, G06V 40/16, G06T 7/00, G06Q 10/06, G10L 15/22, G06N 10/40, H04L 9/08',
    products: '智能语音终端 巡检机器人 边缘计算设备 量子密钥分发装置',
    processes:
      '语音识别 图像识别 文本分类 目标检测 知识图谱构建 多模态数据融合 缺陷检测 人脸识别 故障诊断 量子密钥分发',
    digital: true,
    designs: '带图形用户界面的显示屏幕面板:14-04 智能音箱:14-01',
    sector: '信息技术 智能科技 网络科技 软件 数据科技',
  },
  {
    id: 'agri',
    nameZh: '农业与育种',
    w: [4, 4, 0],
    ipc: 'A01H 6/46, A01H 1/02, A01G 22/22, A01G 9/14, C12N 15/82, A01K 67/027, A23K 50/10, A01B 49/06, A01D 45/02',
    products: '小麦播种机 玉米收获机 育苗盘 温室大棚 畜禽饲料 水稻插秧机 养殖设备',
    processes: '小麦新品种选育 水稻高产栽培 杂交水稻制种 玉米分子标记辅助育种 食用菌栽培 生猪健康养殖',
    designs: '',
    sector: '农业科技 种业 农业开发 牧业',
  },
];

export const FIELDS: readonly Field[] = [...FIELDS_A, ...FIELDS_B].map(field);

export const FIELD_INDEX: ReadonlyMap<string, number> = new Map(FIELDS.map((f, i) => [f.id, i]));

export function fieldIndex(id: string): number {
  const i = FIELD_INDEX.get(id);
  if (i === undefined) throw new RangeError(`unknown demo field "${id}"`);
  return i;
}
