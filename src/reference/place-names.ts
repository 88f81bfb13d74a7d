/**
 * Short forms of Chinese place names: 安徽省 → 安徽, 合肥市 → 合肥, 恩施土家族苗族自治州 → 恩施.
 * Shared by the extraction script (English names are the pinyin of the short form) and the
 * matchers (addresses and holder names use the short forms as often as the full ones).
 */

/**
 * Ethnic-group words that sit between a place name and 自治区/州/县/旗. Longer words come first
 * where one is a prefix of another (土家族 before 土族, 蒙古族 before 蒙古), because a regex
 * alternation takes the first alternative that matches.
 */
const ETHNIC_GROUPS = (
  '蒙古族 蒙古 回族 藏族 维吾尔 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克 傣族 ' +
  '黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 ' +
  '毛南族 仡佬族 锡伯 阿昌族 普米族 塔吉克 怒族 鄂温克族 德昂族 保安族 裕固族 京族 独龙族 鄂伦春 赫哲族 ' +
  '门巴族 珞巴族 基诺族 各族'
).split(' ');

const ETHNIC = `(?:${ETHNIC_GROUPS.join('|')})`;
const AUTONOMOUS = new RegExp(`^(.+?)${ETHNIC}+自治(?:区|州|县|旗)$`, 'u');

/** Administrative suffixes, longest first so that 自治县 is stripped whole rather than as 县. */
const SUFFIXES = '特别行政区 自治区 自治州 自治县 自治旗 林区 特区 地区 省 市 盟 区 县 旗'.split(' ');

/**
 * The name without its administrative suffix and ethnic words, or null when what is left would
 * be shorter than two characters (矿区, 郊区 and 城区 have no usable short form).
 */
export function shortPlaceName(nameZh: string): string | null {
  // 内蒙古自治区 would read as 内 + 蒙古 + 自治区: a one-character place is no place, so strip the suffix only.
  const autonomous = AUTONOMOUS.exec(nameZh)?.[1];
  let stem = autonomous && autonomous.length >= 2 ? autonomous : nameZh;
  if (stem === nameZh) {
    const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length > s.length);
    if (suffix) stem = stem.slice(0, -suffix.length);
  }
  if (stem === nameZh || stem.length < 2) return null;
  return stem;
}
