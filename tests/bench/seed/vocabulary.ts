/**
 * Words for the large data set beyond the demo's own (db/seed/data): host institutions across
 * the country, cities, people's names, and the ways a need's title is varied when the same
 * problem is listed by another enterprise. Realistic Chinese text is what search and matching
 * segment, so the large set reuses the demo's sentences and only multiplies them.
 */

export const institutions: readonly { name: string; kind: 'university' | 'institute' | 'company' }[] = [
  { name: '扬州大学', kind: 'university' },
  { name: '南京大学', kind: 'university' },
  { name: '东南大学', kind: 'university' },
  { name: '南京理工大学', kind: 'university' },
  { name: '南京工业大学', kind: 'university' },
  { name: '南京航空航天大学', kind: 'university' },
  { name: '江南大学', kind: 'university' },
  { name: '苏州大学', kind: 'university' },
  { name: '江苏大学', kind: 'university' },
  { name: '中国矿业大学', kind: 'university' },
  { name: '河海大学', kind: 'university' },
  { name: '浙江大学', kind: 'university' },
  { name: '上海交通大学', kind: 'university' },
  { name: '同济大学', kind: 'university' },
  { name: '华东理工大学', kind: 'university' },
  { name: '清华大学', kind: 'university' },
  { name: '北京理工大学', kind: 'university' },
  { name: '天津大学', kind: 'university' },
  { name: '哈尔滨工业大学', kind: 'university' },
  { name: '西安交通大学', kind: 'university' },
  { name: '华中科技大学', kind: 'university' },
  { name: '武汉理工大学', kind: 'university' },
  { name: '中南大学', kind: 'university' },
  { name: '四川大学', kind: 'university' },
  { name: '电子科技大学', kind: 'university' },
  { name: '华南理工大学', kind: 'university' },
  { name: '大连理工大学', kind: 'university' },
  { name: '山东大学', kind: 'university' },
  { name: '厦门大学', kind: 'university' },
  { name: '合肥工业大学', kind: 'university' },
  { name: '中国科学院苏州纳米技术与纳米仿生研究所', kind: 'institute' },
  { name: '中国科学院宁波材料技术与工程研究所', kind: 'institute' },
  { name: '中国科学院大连化学物理研究所', kind: 'institute' },
  { name: '中国科学院苏州生物医学工程技术研究所', kind: 'institute' },
  { name: '江苏省产业技术研究院', kind: 'institute' },
  { name: '中国科学院上海硅酸盐研究所', kind: 'institute' },
  { name: '扬州市产业技术研究院', kind: 'company' },
  { name: '江苏集萃先进材料研究所有限公司', kind: 'company' },
];

export const cities = ['扬州', '南京', '苏州', '无锡', '常州', '南通', '泰州', '镇江', '盐城', '淮安', '徐州', '宿迁', '连云港', '杭州', '宁波', '合肥', '芜湖', '上海', '济南', '青岛', '武汉', '长沙', '成都', '西安', '郑州', '天津', '厦门', '深圳', '东莞', '佛山'];

export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '梁', '郑', '罗', '宋', '谢', '唐', '韩', '曹', '许', '邓', '萧', '冯', '曾', '程', '蔡', '彭', '潘', '袁', '于', '董', '余', '苏', '叶', '吕', '魏', '蒋', '田', '杜', '丁', '沈', '姜'];
export const givenNames = ['伟', '芳', '娜', '敏', '静', '立新', '建国', '海燕', '文涛', '晓敏', '国栋', '颖', '志强', '秀英', '丽娟', '俊杰', '雨桐', '子涵', '浩然', '思远', '明轩', '佳怡', '晨曦', '振华', '永刚', '春梅', '学军', '红霞', '宏伟', '嘉欣'];
export const academicTitles = ['教授、博士生导师', '教授', '研究员', '副教授', '副研究员', '高级工程师', '讲师', '助理研究员'];

/** How another listing of the same kind of problem reads; '' keeps the topic's own title. */
export const titleVariants = ['', '', '', '关键技术攻关', '（二期）', '工艺优化', '工程化应用', '技术开发', '中试验证'];

/** Enterprise name endings besides the template's own. */
export const companyForms = ['有限公司', '股份有限公司', '集团有限公司'];

/** 扬州恒沅储能科技有限公司 → 恒沅储能科技: the part of a demo name that is the brand and trade. */
export function tradeName(name: string): string {
  return name.replace(/^扬州(市)?/, '').replace(/(股份|集团)?有限公司$/, '');
}

export function personName(i: number): string {
  return surnames[i % surnames.length]! + givenNames[Math.floor(i / surnames.length) % givenNames.length]!;
}
