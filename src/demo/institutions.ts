/**
 * The region's real universities and research institutes, with the district of their main campus,
 * their weight within the province's university (institute) patents, and their fields
 * (`field:multiplier`, as in city-fields.ts; unlisted fields keep a weight of 1, as universities
 * patent broadly). Rows: `name|district|weight|profile`.
 */
export interface Institution {
  name: string;
  district: string;
  weight: number;
  profile: string;
}

const rows = (s: string): Institution[] =>
  s
    .trim()
    .split('\n')
    .map((line) => {
      const [name, district, weight, profile] = line.trim().split('|');
      return { name: name!, district: district!, weight: Number(weight), profile: profile ?? '' };
    });

export const UNIVERSITIES: Readonly<Record<string, readonly Institution[]>> = {
  '34': rows(`
    中国科学技术大学|340111|25|ai:2 opto:2 chem:2 materials:1.5 pharma:1.5 electronics:1.5
    合肥工业大学|340111|22|equipment:2 auto:2 nev:1.5 civil:1.5 materials:1.5 power:1.5 ai:1.3
    安徽大学|340104|8|ai:2 electronics:2 opto:1.5 chem:1.5
    安徽农业大学|340104|7|agri:5 food:3 environment:1.2
    安徽理工大学|340403|8|mining:5 civil:2 chem:1.5
    安徽工业大学|340503|7|metallurgy:4 materials:2 environment:1.5
    安徽工程大学|340202|5|equipment:2 textile:3 auto:1.5
    安徽建筑大学|340104|5|civil:4 environment:2
    安徽医科大学|340104|4|pharma:3 medical:3`),
  '42': rows(`
    华中科技大学|420111|28|opto:2.5 equipment:2 power:2 medical:1.5 ai:1.5
    武汉大学|420106|20|ai:2 civil:2 power:1.5 pharma:1.5 opto:1.3
    武汉理工大学|420111|14|materials:3 auto:2 civil:1.5 ceramics:1.5
    中国地质大学（武汉）|420111|8|mining:3 environment:2 materials:1.5 civil:1.5
    华中农业大学|420111|7|agri:6 food:2
    武汉科技大学|420107|6|metallurgy:4 materials:2 equipment:1.5
    湖北工业大学|420111|5|equipment:2 food:1.5
    三峡大学|420502|4|power:3 civil:2
    武汉工程大学|420111|3|chem:4
    武汉纺织大学|420115|3|textile:6
    长江大学|421002|3|chem:2 agri:2
    湖北大学|420106|3|materials:2 pharma:1.5
    华中师范大学|420111|2|ai:2`),
  '41': rows(`
    郑州大学|410102|30|materials:2 civil:1.5 pharma:1.5 chem:1.5 medical:1.5
    河南大学|410204|8|chem:2 agri:1.5 pharma:1.5
    河南农业大学|410105|9|agri:6 food:2
    河南理工大学|410811|10|mining:5 civil:1.5
    河南科技大学|410305|9|equipment:2.5 materials:2 agri:1.3
    河南工业大学|410102|7|food:4 agri:2 equipment:1.5
    郑州轻工业大学|410102|6|food:2 electronics:2 ai:1.5
    华北水利水电大学|410105|5|civil:4 power:2 environment:2
    河南师范大学|410711|4|chem:2 nev:2
    中原工学院|410102|3|textile:3 equipment:1.5`),
  '43': rows(`
    中南大学|430104|35|metallurgy:3 materials:2.5 mining:2 rail:2 medical:1.5 pharma:1.3 nev:1.5
    湖南大学|430104|22|equipment:2 auto:2 civil:2 power:1.5 chem:1.5 ai:1.3
    湘潭大学|430302|8|materials:2 chem:2 equipment:1.5
    湖南农业大学|430102|7|agri:6 food:2
    长沙理工大学|430103|7|civil:3 power:3
    湖南科技大学|430302|6|mining:3 civil:2 equipment:1.5
    中南林业科技大学|430103|5|agri:3 household:2 food:1.5
    湖南师范大学|430104|4|pharma:2 chem:1.5
    湖南工业大学|430202|4|equipment:2 rail:2`),
  '36': rows(`
    南昌大学|360113|35|food:3 opto:2 materials:1.5 pharma:1.5
    江西理工大学|360702|15|rareEarth:6 metallurgy:3 mining:2
    华东交通大学|360111|10|rail:4 civil:2
    南昌航空大学|360113|9|equipment:2 materials:2 environment:1.5
    江西农业大学|360111|8|agri:6
    景德镇陶瓷大学|360202|8|ceramics:10
    江西师范大学|360111|5|chem:2
    东华理工大学|360111|5|mining:3 environment:2`),
  '14': rows(`
    太原理工大学|140109|40|mining:3 chem:2.5 materials:2 metallurgy:1.5 equipment:1.5
    山西大学|140105|15|chem:2 opto:2 agri:1.5
    中北大学|140108|20|equipment:2.5 chem:1.5 opto:1.5
    太原科技大学|140109|10|equipment:3 metallurgy:2
    山西农业大学|140703|10|agri:6 food:2
    山西医科大学|140106|4|pharma:3 medical:3`),
};

export const INSTITUTES: Readonly<Record<string, readonly Institution[]>> = {
  '34': rows(`
    中国科学院合肥物质科学研究院|340104|50|opto:2 medical:1.5 power:1.5 ai:1.5 agri:1.2
    中国电子科技集团公司第三十八研究所|340104|15|electronics:4 ai:2
    安徽省农业科学院|340104|20|agri:6
    安徽省能源实验室|340111|10|nev:2 power:2`),
  '42': rows(`
    中国科学院武汉岩土力学研究所|420106|15|civil:4 mining:2
    中国科学院精密测量科学与技术创新研究院|420106|15|opto:2 medical:1.5 equipment:1.5
    中国科学院水生生物研究所|420106|8|agri:3 environment:3
    湖北省农业科学院|420111|18|agri:6
    长江水利委员会长江科学院|420102|12|civil:4 environment:2
    中国科学院武汉病毒研究所|420115|6|pharma:5`),
  '41': rows(`
    河南省农业科学院|410105|40|agri:6
    中国农业科学院棉花研究所|410502|12|agri:6
    中国农业科学院郑州果树研究所|410104|8|agri:6 food:1.5
    河南省科学院|410105|20|chem:2 materials:1.5 ai:1.5
    中国船舶重工集团公司第七二五研究所|410305|12|materials:4 metallurgy:2`),
  '43': rows(`
    湖南省农业科学院|430102|35|agri:6 food:2
    中国航发湖南动力机械研究所|430203|15|equipment:3 materials:2
    湖南杂交水稻研究中心|430102|15|agri:8
    中国科学院亚热带农业生态研究所|430102|15|agri:4 environment:3
    湖南省林业科学院|430103|10|agri:4`),
  '36': rows(`
    江西省农业科学院|360104|35|agri:6
    中国科学院赣江创新研究院|360702|25|rareEarth:8 materials:2
    江西省科学院|360111|20|materials:2 chem:2 environment:2
    江西省林业科学院|360112|10|agri:4`),
  '14': rows(`
    中国科学院山西煤炭化学研究所|140106|50|chem:5 materials:3
    中国辐射防护研究院|140105|20|environment:2 medical:2
    中国日用化学工业研究院|140106|15|chem:4`),
};

/**
 * Well-known enterprises of the region: with probability `share` a right of their city and field goes
 * to them rather than to a generated firm. Rows: `name|district|field:share …`.
 */
export interface KnownEnterprise {
  name: string;
  district: string;
  shares: string;
}

export const KNOWN_ENTERPRISES: readonly KnownEnterprise[] = `
  科大讯飞股份有限公司|340171|ai:0.12
  合肥京东方光电科技有限公司|340173|opto:0.1
  安徽江淮汽车集团股份有限公司|340111|auto:0.25 nev:0.06
  蔚来汽车科技（安徽）有限公司|340172|nev:0.06
  合肥国轩高科动力能源有限公司|340111|nev:0.12
  本源量子计算科技（合肥）股份有限公司|340171|ai:0.03
  奇瑞汽车股份有限公司|340207|auto:0.35 nev:0.15
  马鞍山钢铁股份有限公司|340504|metallurgy:0.4
  铜陵有色金属集团股份有限公司|340705|metallurgy:0.35
  长江存储科技有限责任公司|420111|opto:0.1
  烽火通信科技股份有限公司|420111|opto:0.06 electronics:0.05
  武汉华星光电技术有限公司|420111|opto:0.08
  长飞光纤光缆股份有限公司|420111|opto:0.04
  东风汽车集团有限公司|420114|auto:0.15 nev:0.05
  东风商用车有限公司|420302|auto:0.3
  三一重工股份有限公司|430121|construction:0.25 equipment:0.05
  中联重科股份有限公司|430104|construction:0.2
  山河智能装备股份有限公司|430121|construction:0.06
  中车株洲电力机车有限公司|430204|rail:0.3
  株洲中车时代电气股份有限公司|430204|rail:0.2 power:0.1
  湖南华菱湘潭钢铁有限公司|430304|metallurgy:0.3
  宇通客车股份有限公司|410104|auto:0.2 nev:0.1
  郑州煤矿机械集团股份有限公司|410171|mining:0.15
  中信重工机械股份有限公司|410305|equipment:0.08 mining:0.1
  中国一拖集团有限公司|410305|agri:0.25
  许继电气股份有限公司|411002|power:0.3
  河南平高电气股份有限公司|410402|power:0.3
  河南双汇投资发展股份有限公司|411102|food:0.3
  江西铜业股份有限公司|360681|metallurgy:0.35
  江铃汽车股份有限公司|360104|auto:0.3
  江西赣锋锂业集团股份有限公司|360502|nev:0.35
  晶科能源股份有限公司|361102|power:0.2 nev:0.1
  中国南方稀土集团有限公司|360702|rareEarth:0.08
  太原重工股份有限公司|140109|equipment:0.2 mining:0.1
  山西太钢不锈钢股份有限公司|140108|metallurgy:0.3
  山西杏花村汾酒厂股份有限公司|141182|food:0.3`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, district, shares] = line.trim().split('|');
    return { name: name!, district: district!, shares: shares! };
  });
