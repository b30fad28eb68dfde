import { creditCodeCheckCharacter } from '../../../shared/credit-code';
import type { SeedEnterprise } from './types';

/**
 * Builds a valid 统一社会信用代码 from its first 17 characters: 9 (registered by the market
 * regulator), 1 (enterprise), the 6-digit division code of the registering district, and a
 * 9-character organisation code. The check character is computed rather than written down,
 * so editing a prefix can never leave an invalid code behind.
 */
function creditCode(prefix: string): string {
  if (prefix.length !== 17) throw new Error(`credit code prefix must have 17 characters: ${prefix}`);
  return prefix + creditCodeCheckCharacter(prefix);
}

// Division codes: 321002 广陵区, 321003 邗江区, 321012 江都区, 321023 宝应县, 321081 仪征市,
// 321084 高邮市, 321091 扬州经济技术开发区; 生态科技新城 companies register with the city (321000).

/** Fictional Yangzhou enterprises (发榜方); any likeness to a real company is unintended. */
export const enterprises: readonly SeedEnterprise[] = [
  {
    key: 'hengyuan-storage',
    name: '扬州恒沅储能科技有限公司',
    creditCode: creditCode('91321012MA1XK3T7B'),
    industry: 'new_energy',
    district: '江都区',
    description:
      '公司主要从事磷酸铁锂储能电芯及集装箱式储能系统的研发与生产，产品用于工商业储能和电网侧调峰项目。现有280Ah储能电芯在0℃以下充电时容量衰减明显，储能舱内电芯一致性差、热失控预警滞后。亟需在低温快充、长循环寿命和早期热失控预警方面取得突破。',
    members: [
      { name: '陈立新', email: 'chen.lixin@hengyuan-es.com.example', phone: '13952760418', title: '研发中心主任' },
      { name: '吴婷', email: 'wu.ting@hengyuan-es.com.example', title: '电芯工艺工程师' },
    ],
  },
  {
    key: 'shengyang-pv',
    name: '扬州晟阳新能源科技有限公司',
    creditCode: creditCode('91321003MA1N8Q4R6'),
    industry: 'new_energy',
    district: '邗江区',
    description:
      '公司专业生产N型TOPCon高效晶硅电池片及组件，电池片年产能约5GW。目前量产电池平均转换效率25.6%，但银浆单耗偏高、细栅印刷断栅率高，边缘钝化损失也制约效率继续提升。希望与高校合作开发激光辅助烧结与低银金属化工艺。',
    members: [{ name: '马俊峰', email: 'ma.junfeng@shengyang-pv.example', phone: '15861381527', title: '技术副总经理' }],
  },
  {
    key: 'tuoxin-polymer',
    name: '扬州拓新高分子材料有限公司',
    creditCode: creditCode('91321081MA1MY6D2W'),
    industry: 'new_materials',
    district: '仪征市',
    description:
      '公司主营碳纤维增强PEEK、PPS等热塑性复合材料粒料与板材，产品用于轨道交通内饰、无人机结构件和半导体设备零部件。短切碳纤维与PEEK基体界面结合弱，注塑件层间剪切强度和疲劳性能达不到航空客户要求，连续纤维预浸带的孔隙率也难以稳定控制在1%以下。',
    members: [{ name: '滕海燕', email: 'teng.haiyan@tuoxin-polymer.example', phone: '18762395104', title: '研发部经理' }],
  },
  {
    key: 'haijing-coatings',
    name: '扬州海晶防护材料有限公司',
    creditCode: creditCode('9132101272847351X'),
    industry: 'new_materials',
    district: '江都区',
    description:
      '公司生产船舶与海上风电用重防腐涂料，主要产品为环氧富锌底漆、环氧云铁中间漆和聚硅氧烷面漆。海上风电塔筒和桩基处于浪溅区，现有涂层体系中性盐雾试验约3000小时即出现起泡，与客户提出的25年防护寿命要求差距明显，同时还面临低VOC水性化转型的压力。',
    members: [
      { name: '卢振东', email: 'lu.zhendong@haijing-coatings.com.example', phone: '13815842276', title: '总工程师' },
      { name: '朱倩', email: 'zhu.qian@haijing-coatings.com.example', title: '涂料实验室主任' },
    ],
  },
  {
    key: 'kanghui-bio',
    name: '扬州康汇生物制药有限公司',
    creditCode: creditCode('91321002MA1WF5C8H'),
    industry: 'biomedicine',
    district: '广陵区',
    description:
      '公司专注于单克隆抗体生物类似药和创新抗体药物的中试及商业化生产，拥有2000L一次性生物反应器生产线。CHO细胞流加培养表达量停留在3g/L左右，Protein A亲和层析后宿主细胞蛋白残留和聚体含量偏高。需要优化培养基、纯化工艺和高浓度皮下注射制剂，以降低单位生产成本。',
    members: [
      { name: '孟雅琴', email: 'meng.yaqin@kanghui-bio.example', phone: '13773451862', title: '工艺开发部总监' },
      { name: '严子豪', email: 'yan.zihao@kanghui-bio.example', title: '细胞培养主管' },
    ],
  },
  {
    key: 'yunzhi-robotics',
    name: '扬州云智焊接机器人有限公司',
    creditCode: creditCode('91321003MA1TB2L9E'),
    industry: 'intelligent_manufacturing',
    district: '邗江区',
    description:
      '公司为钢结构、工程机械和船舶分段制造企业提供焊接机器人工作站及产线集成服务。在中厚板多层多道焊场景中，坡口装配间隙波动大、焊缝表面反光强，现有激光视觉传感器跟踪精度不足，仍需人工示教和补焊。希望实现免示教的自适应焊接和焊后缺陷在线检测。',
    members: [{ name: '王启航', email: 'wang.qihang@yunzhi-robot.com.example', phone: '15996628430', title: '总经理' }],
  },
  {
    key: 'xinyao-semi',
    name: '扬州芯曜半导体有限公司',
    creditCode: creditCode('91321091MA1Y7H3K5'),
    industry: 'semiconductor_optoelectronics',
    district: '扬州经济技术开发区',
    description:
      '公司从事SiC MOSFET和SiC肖特基二极管的设计与封装测试，产品面向光伏逆变器、车载充电机和直流充电桩。1200V SiC MOSFET在高温栅偏试验中阈值电压漂移超出车规要求，TO-247封装在功率循环中出现键合线脱落。亟需提升栅氧可靠性和封装寿命，以通过AEC-Q101认证。',
    members: [
      { name: '杜宏伟', email: 'du.hongwei@xinyao-semi.example', phone: '18952718836', title: '研发副总裁' },
      { name: '吕晨', email: 'lv.chen@xinyao-semi.example', title: '可靠性工程师' },
    ],
  },
  {
    key: 'youhui-lighting',
    name: '扬州邮辉照明科技有限公司',
    creditCode: creditCode('91321084754039281'),
    industry: 'semiconductor_optoelectronics',
    district: '高邮市',
    description:
      '公司是高邮本地的LED户外照明企业，主要生产智慧路灯、隧道灯和投光灯，产品出口东南亚和中东。用于高温高湿地区的大功率路灯模组光衰快、眩光投诉多，现有二次光学透镜配光效率不足85%。希望在散热结构、透镜配光和驱动电源寿命上进行系统改进。',
    members: [{ name: '徐永康', email: 'xu.yongkang@youhui-lighting.example', phone: '13605256719', title: '总经理' }],
  },
  {
    key: 'qingyuan-hydrogen',
    name: '扬州氢沅能源装备有限公司',
    creditCode: creditCode('91321091MA27A4N6P'),
    industry: 'hydrogen',
    district: '扬州经济技术开发区',
    description:
      '公司研制碱性电解水制氢装备和PEM电解槽，单台碱性电解槽产氢量1000Nm³/h，主要配套风光制氢项目。碱性电解槽在新能源波动工况下低负荷运行时氢中氧含量升高，额定电流密度仅0.4A/cm²；PEM电解槽阳极铱载量偏高，导致成本居高不下。',
    members: [
      { name: '梁思远', email: 'liang.siyuan@qingyuan-h2.example', phone: '17751063928', title: '首席技术官' },
      { name: '姜楠', email: 'jiang.nan@qingyuan-h2.example', title: '电解槽研发经理' },
    ],
  },
  {
    key: 'ruiduan-press',
    name: '扬州锐锻数控装备有限公司',
    creditCode: creditCode('91321012MA1PD9G3U'),
    industry: 'equipment_manufacturing',
    district: '江都区',
    description:
      '公司生产开式与闭式伺服压力机及自动化冲压线，客户以汽车覆盖件和家电钣金企业为主。2000吨以上大吨位伺服压力机的滑块下死点重复精度和偏载刚度不足，伺服电机与储能系统匹配不佳，峰值电流对电网冲击大。希望在提升成形精度的同时降低整线能耗。',
    members: [{ name: '戴宏斌', email: 'dai.hongbin@ruiduan-press.example', phone: '13912153046', title: '技术中心主任' }],
  },
  {
    key: 'tongchi-auto',
    name: '扬州通驰汽车零部件有限公司',
    creditCode: creditCode('91321081MA1R5E7JY'),
    industry: 'automotive',
    district: '仪征市',
    description:
      '公司为整车厂提供铝合金压铸件，正在建设6800吨一体化压铸岛，目标产品为后地板和前舱一体化结构件。现有免热处理压铸铝合金铸态延伸率只有8%左右，大件内部气孔和冷隔缺陷导致X光检测不良率偏高。亟需材料成分优化和压铸工艺仿真方面的支持。',
    members: [
      { name: '蔡晓军', email: 'cai.xiaojun@tongchi-auto.com.example', phone: '15152781603', title: '工程技术部部长' },
      { name: '黄雯', email: 'huang.wen@tongchi-auto.com.example', title: '材料工程师' },
    ],
  },
  {
    key: 'changhe-coalchem',
    name: '扬州长和煤基化学品有限公司',
    creditCode: creditCode('91321081MA20C1H8L'),
    industry: 'modern_coal_chemicals',
    district: '仪征市',
    description:
      '公司位于仪征化工园区，以煤制合成气为原料，经草酸二甲酯加氢路线生产聚酯级乙二醇，年产能20万吨。加氢用铜基催化剂运行约8000小时后活性和选择性明显下降，产品中微量醛类杂质导致紫外透光率波动，影响下游聚酯客户使用。',
    members: [{ name: '任国平', email: 'ren.guoping@changhe-chem.com.example', phone: '13761329054', title: '生产技术部经理' }],
  },
  {
    key: 'shuzhi-software',
    name: '扬州数织工业软件有限公司',
    creditCode: creditCode('91321002MA1Q3U6WX'),
    industry: 'information_technology',
    district: '广陵区',
    description:
      '公司面向机械加工和汽车零部件企业提供MES、设备联网和工业互联网平台软件，已服务扬州及周边约200家制造企业。客户车间数控系统品牌繁杂、通信协议封闭，设备数据采集覆盖率低，刀具寿命和设备故障仍靠经验判断。希望开发通用采集网关和基于加工数据的刀具磨损预测模型。',
    members: [{ name: '施云飞', email: 'shi.yunfei@shuzhi-soft.example', phone: '18051437692', title: '产品总监' }],
  },
  {
    key: 'yikang-medical',
    name: '扬州益康医疗器械有限公司',
    creditCode: creditCode('91321002703859462'),
    industry: 'medical_devices',
    district: '广陵区',
    description:
      '公司位于广陵区头桥镇，生产一次性使用血管内导管、导尿管和输注器械，持有二类、三类医疗器械注册证二十余项。导管表面亲水润滑涂层在反复弯折和长时间留置后易脱落，摩擦力上升明显；出口欧盟的产品还需要替代含DEHP增塑剂的PVC材料。',
    members: [
      { name: '潘丽华', email: 'pan.lihua@yikang-med.com.example', phone: '13338127465', title: '质量与研发部经理' },
    ],
  },
  {
    key: 'mingshi-medical',
    name: '扬州明视医疗科技有限公司',
    creditCode: creditCode('91321000MA21K8T4C'),
    industry: 'medical_devices',
    district: '生态科技新城',
    description:
      '公司研发便携式彩色多普勒超声诊断仪和掌上超声，主要用于基层医疗和床旁急诊。掌上超声受功耗和体积限制只有64个通道，深部组织成像的分辨率和信噪比与台式机差距较大。希望借助新型波束合成算法和深度学习图像增强提升图像质量。',
    members: [
      { name: '赵一鸣', email: 'zhao.yiming@mingshi-medical.example', phone: '18118465230', title: '创始人兼首席执行官' },
      { name: '田甜', email: 'tian.tian@mingshi-medical.example', title: '算法工程师' },
    ],
  },
  {
    key: 'qinghe-env',
    name: '扬州清禾环境工程有限公司',
    creditCode: creditCode('91321023MA1UJ2B7N'),
    industry: 'energy_saving',
    district: '宝应县',
    description:
      '公司从事工业废水处理工程总包和运营服务，主要客户为化工园区、制药和印染企业。高盐高COD难降解废水经生化处理后COD仍在150mg/L以上，芬顿工艺污泥量大、药剂成本高。急需经济可靠的催化臭氧氧化深度处理技术和分盐资源化方案。',
    members: [{ name: '季春生', email: 'ji.chunsheng@qinghe-env.example', phone: '15005271386', title: '技术总监' }],
  },
  {
    // Registered last and still awaiting verification in the demo (db/seed/demo.ts leaves the
    // last enterprise pending), so it has no challenges yet.
    key: 'lvbao-packaging',
    name: '扬州绿苞新材料包装有限公司',
    creditCode: creditCode('91321081MA2NQ6W3D'),
    industry: 'new_materials',
    district: '仪征市',
    description:
      '公司生产食品和医药用高阻隔软包装膜，正在从铝塑复合膜转向可回收的单一材质聚烯烃高阻隔膜。现有EVOH共挤膜在高湿环境下氧气阻隔性能下降明显，蒸煮后阻隔率衰减超过50%。计划在通过认证后发布高阻隔涂布技术需求。',
    members: [{ name: '鲍晓岚', email: 'bao.xiaolan@lvbao-pack.example', phone: '13862391457', title: '总经理' }],
  },
];
