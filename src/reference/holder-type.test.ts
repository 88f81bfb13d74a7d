import { describe, expect, it } from 'vitest';
import type { HolderType } from '../core/index.js';
import { classifyHolderType } from './holder-type.js';

/** Real holder names (and a few name patterns from CNIPA's categories) with the category they belong to. */
const REAL: Array<[string, HolderType]> = [
  ['合肥工业大学', 'university'],
  ['中国科学技术大学', 'university'],
  ['中国地质大学（武汉）', 'university'],
  ['安徽职业技术学院', 'university'],
  ['武汉职业技术学院', 'university'],
  ['湖南理工学院', 'university'],
  ['北京协和医学院', 'university'],
  ['中国科学院大学', 'university'],
  ['中国人民解放军国防科技大学', 'university'],
  ['合肥工业大学（宣城校区）', 'university'],
  ['中国科学院', 'institute'],
  ['中国科学院合肥物质科学研究院', 'institute'],
  ['中国科学院武汉病毒研究所', 'institute'],
  ['中国电子科技集团公司第三十八研究所', 'institute'],
  ['中国工程物理研究院', 'institute'],
  ['安徽省农业科学院', 'institute'],
  ['中国林业科学研究院', 'institute'],
  ['长江水利委员会长江科学院', 'institute'],
  ['中车株洲电力机车研究所有限公司', 'enterprise'],
  ['国网安徽省电力有限公司电力科学研究院', 'enterprise'],
  ['科大讯飞股份有限公司', 'enterprise'],
  ['华为技术有限公司', 'enterprise'],
  ['安徽江淮汽车集团股份有限公司', 'enterprise'],
  // EPO DOCDB writes applicants abbreviated and in capitals (the CN104968889A sample).
  ['SCIENT DRILLING INT', 'enterprise'],
  ['MITSUBISHI HEAVY IND LTD', 'enterprise'],
  ['TOYOTA MOTOR MFG', 'enterprise'],
  ['东风汽车集团有限公司', 'enterprise'],
  ['国家电网公司', 'enterprise'],
  ['中国铁路武汉局集团有限公司', 'enterprise'],
  ['人福医药集团股份公司', 'enterprise'],
  ['联宝（合肥）电子科技有限公司', 'enterprise'],
  ['湖南省知识产权局', 'organisation'],
  ['国家知识产权局专利局专利审查协作湖北中心', 'organisation'],
  ['中国（武汉）知识产权保护中心', 'organisation'],
  ['华中科技大学同济医学院附属协和医院', 'organisation'],
  ['中南大学湘雅医院', 'organisation'],
  ['中国人民解放军总医院', 'organisation'],
  ['中国汽车工程学会', 'organisation'],
  ['合肥市人民政府', 'organisation'],
  ['Siemens AG', 'enterprise'],
  ['BASF SE', 'enterprise'],
  ['Apple Inc.', 'enterprise'],
  ['Samsung Electronics Co., Ltd.', 'enterprise'],
  ['Robert Bosch GmbH', 'enterprise'],
  ['Koninklijke Philips N.V.', 'enterprise'],
  ['Toyota Jidosha Kabushiki Kaisha', 'enterprise'],
  ['Telefonaktiebolaget LM Ericsson (publ)', 'enterprise'],
  ['Qualcomm Incorporated', 'enterprise'],
  ['Novo Nordisk A/S', 'enterprise'],
  ['HUAWEI TECH CO LTD', 'enterprise'],
  ['トヨタ自動車株式会社', 'enterprise'],
  ['삼성전자 주식회사', 'enterprise'],
  ['Massachusetts Institute of Technology', 'university'],
  ['The Regents of the University of California', 'university'],
  ['Korea Advanced Institute of Science and Technology', 'university'],
  ['UNIV HEFEI TECHNOLOGY', 'university'],
  ['Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.', 'institute'],
  ['Max-Planck-Gesellschaft zur Förderung der Wissenschaften e.V.', 'institute'],
  ["Commissariat à l'énergie atomique et aux énergies alternatives", 'institute'],
  ['Centre National de la Recherche Scientifique', 'institute'],
  ['Industrial Technology Research Institute', 'institute'],
  ['CHINESE ACAD SCI', 'institute'],
  ['United States of America as represented by the Secretary of the Navy', 'organisation'],
  ['Massachusetts General Hospital', 'organisation'],
];

describe('classifyHolderType', () => {
  it('classifies real holders', () => {
    for (const [name, type] of REAL) expect(classifyHolderType(name), name).toBe(type);
  });

  it('lets the word that ends last decide, the longest at the same end', () => {
    expect(classifyHolderType('XX大学科技园有限公司')).toBe('enterprise');
    expect(classifyHolderType('XX研究院有限公司')).toBe('enterprise');
    expect(classifyHolderType('XX大学XX研究院')).toBe('institute');
    expect(classifyHolderType('XX工程技术研究中心')).toBe('institute');
    expect(classifyHolderType('XX检验检测中心')).toBe('organisation');
    expect(classifyHolderType('XX高等专科学校')).toBe('university');
    expect(classifyHolderType('XX技工学校')).toBe('organisation');
    expect(classifyHolderType('XX医院有限公司')).toBe('enterprise');
    expect(classifyHolderType('XX有限公司技术中心')).toBe('enterprise');
    expect(classifyHolderType('XX种植农民专业合作社')).toBe('enterprise');
    expect(classifyHolderType('XX机械厂')).toBe('enterprise');
    expect(classifyHolderType('XX市市场监督管理局')).toBe('organisation');
    expect(classifyHolderType('XX省发展和改革委员会')).toBe('organisation');
  });

  it('recognises people', () => {
    for (const name of [
      '张伟',
      '李娜',
      '欧阳娜娜',
      '买买提·艾力',
      'John Smith',
      'SMITH, John',
      'ZHANG Wei',
      'Jean-Pierre Dupont',
    ]) {
      expect(classifyHolderType(name), name).toBe('individual');
    }
  });

  it('says unknown when the name does not say', () => {
    for (const name of ['', '   ', '12345', '某某某某某某', 'Acme Systems', 'Siemens']) {
      expect(classifyHolderType(name), name).toBe('unknown');
    }
  });
});
