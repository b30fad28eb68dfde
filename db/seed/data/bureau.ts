import type { SeedBureau, SeedBureauPerson } from './types';

export const bureau: SeedBureau = {
  key: 'yangzhou-kjj',
  name: '扬州市科学技术局',
  district: '扬州市',
  description:
    '负责全市科技创新规划与政策落实，组织实施产业科创重点“揭榜挂帅”项目，每年会同市产业技术研究院联合龙头企业发布榜单，推动高校院所成果在扬转化。',
};

/**
 * Bureau staff and the expert pool. Each expert's affiliation names the same institution as
 * one or more demo teams (扬州大学, 东南大学, 南京理工大学, 中国科学院苏州医工所) except the
 * inspection-institute engineer, so the demo shows both a required 回避 and a clean assignment.
 */
export const bureauPeople: readonly SeedBureauPerson[] = [
  {
    name: '唐文斌',
    email: 'tang.wenbin@kjj.yangzhou.gov.example',
    phone: '13805271946',
    title: '成果转化与区域创新科科长',
    role: 'official',
  },
  {
    name: '薛雨桐',
    email: 'xue.yutong@kjj.yangzhou.gov.example',
    phone: '15252703618',
    title: '成果转化与区域创新科一级主任科员',
    role: 'official',
  },
  {
    name: '汤建华',
    email: 'tang.jianhua@yzu.edu.example',
    phone: '13952542087',
    title: '教授、博士生导师',
    role: 'expert',
    expertise: '多相催化、煤基化学品、精细化工工艺放大',
    affiliation: '扬州大学化学化工学院',
  },
  {
    name: '储明杰',
    email: 'chu.mingjie@seu.edu.example',
    phone: '13809038514',
    title: '教授',
    role: 'expert',
    expertise: '电力电子变换、储能系统集成、新能源并网',
    affiliation: '东南大学电气工程学院',
  },
  {
    name: '殷志红',
    email: 'yin.zhihong@njust.edu.example',
    title: '教授',
    role: 'expert',
    expertise: '数控装备、精密测量、工业机器人与智能产线',
    affiliation: '南京理工大学机械工程学院',
  },
  {
    name: '柳承志',
    email: 'liu.chengzhi@jssei-yz.org.example',
    phone: '13338150729',
    title: '正高级工程师',
    role: 'expert',
    expertise: '承压设备安全评定、氢能装备检验、材料腐蚀与失效分析',
    affiliation: '江苏省特种设备安全监督检验研究院扬州分院',
  },
  {
    name: '何素芬',
    email: 'he.sufen@sibet.ac.example',
    title: '研究员',
    role: 'expert',
    expertise: '医学影像设备、医疗器械注册检验与质量管理体系',
    affiliation: '中国科学院苏州生物医学工程技术研究所',
  },
  {
    name: '祁晓峰',
    email: 'admin@kjj.yangzhou.gov.example',
    phone: '18952589130',
    title: '扬州市科技信息中心 平台管理员',
    role: 'admin',
  },
];
