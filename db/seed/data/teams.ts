import type { SeedTeam } from './types';

/**
 * Research teams (揭榜方). Host institutions are real universities and institutes in and
 * around Yangzhou; the teams, people and results are fictional. Fields are chosen so every
 * demo enterprise's need has two or more plausible bidders, and several teams share an
 * institution with an expert in bureau.ts so 回避 checks have something to find.
 */
export const teams: readonly SeedTeam[] = [
  // —— 扬州大学 ——
  {
    key: 'yzu-energy-materials',
    name: '扬州大学 新能源材料与器件课题组',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '邗江区',
    researchFields: ['锂离子电池正极材料', '磷酸铁锂改性', '固态电解质', '钠离子电池', '低温电解液'],
    description:
      '课题组由化学化工学院周文涛教授牵头，现有教师5名、博士后2名、研究生30余名。主要研究磷酸铁锂及高镍三元正极材料的表面包覆与掺杂改性、低温电解液添加剂以及硫化物固态电解质。近五年承担国家自然科学基金项目4项、江苏省重点研发计划项目2项，授权发明专利23件，其中低温型磷酸铁锂碳包覆技术已在省内两家电池企业转化。实验室配备手套箱、软包电池中试线和高低温充放电测试系统。',
    members: [
      { name: '周文涛', email: 'zhou.wentao@yzu.edu.example', phone: '13813148527', title: '教授、博士生导师' },
      { name: '葛晓敏', email: 'ge.xiaomin@yzu.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'yzu-green-catalysis',
    name: '扬州大学 绿色催化与化工过程课题组',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '邗江区',
    researchFields: ['多相催化', '草酸酯加氢', '铜基催化剂', '乙二醇精制', '催化剂失活与再生'],
    description:
      '课题组负责人为化学化工学院钱国栋教授，长期从事C1化工与加氢催化研究。团队在草酸二甲酯加氢制乙二醇铜硅催化剂的抗烧结改性方面积累深厚，开发的硼修饰铜基催化剂在千吨级侧线装置上连续运行超过5000小时。近年主持国家重点研发计划课题1项，与多家煤化工企业开展横向合作，授权发明专利15件。拥有固定床微反评价装置、原位红外和程序升温化学吸附仪等表征设备。',
    members: [
      { name: '钱国栋', email: 'qian.guodong@yzu.edu.example', phone: '13952578041', title: '教授' },
      { name: '陶颖', email: 'tao.ying@yzu.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'yzu-welding-vision',
    name: '扬州大学 智能焊接与机器视觉团队',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '邗江区',
    researchFields: ['焊缝跟踪', '结构光三维视觉', '多层多道焊路径规划', '焊接缺陷检测', '机器人离线编程'],
    description:
      '团队依托扬州大学机械工程学院，负责人为蒋振华教授，成员包括副教授2名、高级实验师1名。主要方向为焊接机器人视觉传感、焊缝特征提取与自适应焊接工艺规划，研制的抗弧光线结构光传感器已在工程机械企业应用。近五年承担江苏省产业前瞻与关键核心技术项目1项、企业横向课题20余项，授权发明专利18件。实验室配有六轴焊接机器人工作站4套和高速焊接过程视觉采集系统。',
    members: [
      { name: '蒋振华', email: 'jiang.zhenhua@yzu.edu.example', phone: '15189826473', title: '教授' },
      { name: '仲雪', email: 'zhong.xue@yzu.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'yzu-medical-polymers',
    name: '扬州大学 医用高分子材料课题组',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '广陵区',
    researchFields: ['亲水润滑涂层', '医用导管材料', '非DEHP增塑PVC', '抗菌抗凝血表面', '生物相容性评价'],
    description:
      '课题组由医学院与化学化工学院联合组建，负责人孔令娟教授长期从事医用高分子表面改性研究。主要研究聚乙烯吡咯烷酮类亲水涂层的共价接枝与交联、抗菌抗凝血表面以及医用PVC的无DEHP增塑体系。主持国家自然科学基金面上项目3项，授权发明专利12件，参与制定医疗器械行业标准1项。拥有涂层摩擦力测试仪、接触角测量仪和细胞毒性评价平台。',
    members: [{ name: '孔令娟', email: 'kong.lingjuan@yzu.edu.example', phone: '13775362918', title: '教授' }],
  },
  {
    key: 'yzu-water',
    name: '扬州大学 水污染控制与资源化团队',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '邗江区',
    researchFields: ['催化臭氧氧化', '高盐废水处理', '芬顿替代工艺', '难降解有机物', '分盐结晶'],
    description:
      '团队负责人为环境科学与工程学院盛志刚教授，研究集中在工业难降解废水的高级氧化深度处理与高盐废水资源化。团队开发的负载型锰铈复合臭氧催化剂已在化工园区污水厂完成500吨/日示范，出水COD稳定低于50mg/L。近五年承担国家水体污染控制与治理科技重大专项子课题1项、江苏省环保科研课题3项，发表SCI论文60余篇。拥有移动式臭氧氧化中试装置及TOC、GC-MS等分析设备。',
    members: [
      { name: '盛志刚', email: 'sheng.zhigang@yzu.edu.example', phone: '18796631275', title: '教授' },
      { name: '柏静', email: 'bai.jing@yzu.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'yzu-hydrogen',
    name: '扬州大学 氢能与电解水制氢课题组',
    institution: '扬州大学',
    institutionKind: 'university',
    district: '邗江区',
    researchFields: ['碱性电解水', '镍基析氢电极', '复合隔膜', '波动工况制氢', '制氢系统集成'],
    description:
      '课题组隶属电气与能源动力工程学院，负责人为俞海峰教授。主要研究碱性电解水制氢用高活性镍基电极、聚苯硫醚基复合隔膜，以及面向风光波动电源的电解槽动态控制策略。团队搭建了50Nm³/h碱性电解槽测试平台，可开展宽功率波动与频繁启停工况试验。近三年承担江苏省碳达峰碳中和科技创新专项资金项目1项，授权发明专利9件。',
    members: [
      { name: '俞海峰', email: 'yu.haifeng@yzu.edu.example', phone: '13665294817', title: '教授' },
      { name: '邵宁', email: 'shao.ning@yzu.edu.example', title: '高级工程师' },
    ],
  },
  // —— 扬州本地研究机构与企业研发团队 ——
  {
    key: 'nju-yz-optics',
    name: '南京大学扬州光电研究院 LED照明与光学设计团队',
    institution: '南京大学扬州光电研究院',
    institutionKind: 'institute',
    district: '扬州经济技术开发区',
    researchFields: ['二次光学设计', '道路照明配光', 'LED热管理', '光衰加速寿命试验', 'LED驱动电源'],
    description:
      '团队负责人为研究院副院长、正高级工程师顾晨阳，成员多来自LED封装和照明企业研发一线。主要为扬州及周边照明企业提供自由曲面透镜设计、散热结构仿真和LM-80/TM-21光衰寿命评估服务。近五年完成企业委托项目40余项，开发的蝙蝠翼配光路灯透镜配光效率达到92%。拥有积分球、分布式光度计和恒温恒湿老化试验箱等检测设备。',
    members: [
      { name: '顾晨阳', email: 'gu.chenyang@njuyz-opto.example', phone: '13852570364', title: '正高级工程师、副院长' },
      { name: '戚蓓', email: 'qi.bei@njuyz-opto.example', title: '光学工程师' },
    ],
  },
  {
    key: 'xinrui-reliability',
    name: '扬州芯瑞检测技术有限公司 功率器件可靠性实验室',
    institution: '扬州芯瑞检测技术有限公司',
    institutionKind: 'company',
    district: '扬州经济技术开发区',
    researchFields: ['功率器件可靠性试验', '功率循环寿命评估', '失效分析', 'AEC-Q101车规认证', '封装材料评价'],
    description:
      '实验室由扬州芯瑞检测技术有限公司设立，负责人为技术总监、高级工程师成立军，团队成员多来自封装测试企业和第三方检测机构。主要提供功率半导体AEC-Q101车规认证试验、功率循环寿命评估以及键合线、焊料层失效分析服务。实验室已通过CNAS认可，拥有功率循环试验机、高温反偏与高温栅偏试验系统、超声扫描显微镜和X射线检测设备。近三年为60余家企业完成可靠性评估。',
    members: [{ name: '成立军', email: 'cheng.lijun@xinrui-test.example', phone: '18020563917', title: '技术总监、高级工程师' }],
  },
  // —— 南京大学 ——
  {
    key: 'nju-pv',
    name: '南京大学 光伏材料与器件课题组',
    institution: '南京大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['TOPCon电池', '隧穿氧化层钝化接触', '低银金属化', '激光辅助烧结', '钙钛矿叠层电池'],
    description:
      '课题组由现代工程与应用科学学院黎明远教授领衔，主要从事晶硅高效电池钝化接触与金属化研究。团队在多晶硅钝化接触、激光辅助烧结接触机理和铜电镀替代银浆方面发表论文50余篇，授权发明专利20件。承担国家重点研发计划“可再生能源与氢能技术”重点专项课题1项。拥有PECVD、LPCVD、丝网印刷以及I-V、少子寿命、EL等表征测试平台。',
    members: [
      { name: '黎明远', email: 'li.mingyuan@nju.edu.example', phone: '13905185263', title: '教授' },
      { name: '沈佳', email: 'shen.jia@nju.edu.example', title: '副研究员' },
    ],
  },
  {
    key: 'nju-widebandgap',
    name: '南京大学 宽禁带半导体器件课题组',
    institution: '南京大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['碳化硅MOSFET', '栅氧可靠性', '氮化镓功率器件', '功率器件仿真', '高温栅偏试验'],
    description:
      '课题组负责人为电子科学与工程学院卞宇航教授，长期从事SiC和GaN功率器件结构设计、栅介质工艺与可靠性物理研究。团队提出的SiC/SiO₂界面氮化退火优化工艺可将界面态密度降低约一个数量级，相关成果获江苏省科学技术奖二等奖。承担国家重点研发计划项目课题2项，授权发明专利26件。依托学校微纳加工平台，具备从器件仿真、流片到动静态参数与可靠性测试的完整能力。',
    members: [{ name: '卞宇航', email: 'bian.yuhang@nju.edu.example', phone: '15850672391', title: '教授' }],
  },
  // —— 东南大学 ——
  {
    key: 'seu-power',
    name: '东南大学 电力电子与储能变流团队',
    institution: '东南大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['储能变流器', '电池管理系统', '碳化硅驱动', '电芯一致性评估', '并网控制'],
    description:
      '团队依托东南大学电气工程学院，负责人为华振宇教授，长期从事大容量储能变流器、电池管理系统和宽禁带器件应用研究。团队研制的1500V组串式储能变流器样机效率达98.9%，主动均衡电池管理系统已在多个工商业储能电站投运。近五年主持国家重点研发计划课题2项、电网企业科技项目6项，授权发明专利40余件。拥有兆瓦级储能变流器对拖测试平台和电池模拟器。',
    members: [
      { name: '华振宇', email: 'hua.zhenyu@seu.edu.example', phone: '13770913582', title: '教授、博士生导师' },
      { name: '邱蕾', email: 'qiu.lei@seu.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'seu-ultrasound',
    name: '东南大学 超声成像与智能诊断课题组',
    institution: '东南大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['超声波束合成', '平面波成像', '深度学习图像增强', '便携超声系统', '压电换能器'],
    description:
      '课题组负责人为生物科学与医学工程学院宋启明教授，研究方向包括超快平面波成像、自适应波束合成以及基于深度学习的超声图像去噪与超分辨重建。团队开发的低通道数相干复合算法已在国产掌上超声样机上验证，侧向分辨率提升约30%。承担国家自然科学基金重点项目1项，授权发明专利14件，并与多家三甲医院超声科开展临床合作。拥有可编程超声研究平台和多种仿组织体模。',
    members: [{ name: '宋启明', email: 'song.qiming@seu.edu.example', phone: '18951796024', title: '教授' }],
  },
  {
    key: 'seu-alloy',
    name: '东南大学 先进铝合金与一体化压铸课题组',
    institution: '东南大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['免热处理铝合金', '一体化压铸', '凝固组织控制', '压铸工艺仿真', '铸件缺陷分析'],
    description:
      '课题组依托材料科学与工程学院，负责人陆建平教授长期从事轻合金凝固与成形研究。团队开发的Al-Si-Mg-Mn系免热处理压铸合金铸态延伸率达到12%以上，已在汽车减震塔件上完成试制。承担国家重点研发计划“高端功能与智能材料”重点专项课题1项、汽车企业横向项目10余项，授权发明专利17件。具备真空高压压铸试验机、模流仿真软件及工业CT检测能力。',
    members: [
      { name: '陆建平', email: 'lu.jianping@seu.edu.example', phone: '13611592407', title: '教授' },
      { name: '项炜', email: 'xiang.wei@seu.edu.example', title: '副教授' },
    ],
  },
  // —— 南京理工大学 ——
  {
    key: 'njust-cnc',
    name: '南京理工大学 精密制造与数控装备团队',
    institution: '南京理工大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['伺服压力机', '数控系统', '热误差补偿', '机身结构刚度优化', '能量回馈'],
    description:
      '团队负责人为机械工程学院冯志坚教授，主要研究数控机床与成形装备的精度设计、热误差建模补偿和伺服驱动控制。团队为多家锻压设备企业完成大吨位伺服压力机机身拓扑优化和滑块平行度控制系统开发，相关成果获中国机械工业科学技术奖二等奖。近五年承担“高档数控机床与基础制造装备”科技重大专项课题2项，授权发明专利31件。拥有激光干涉仪、球杆仪和多通道振动测试系统。',
    members: [{ name: '冯志坚', email: 'feng.zhijian@njust.edu.example', phone: '13851627738', title: '教授' }],
  },
  {
    key: 'njust-corrosion',
    name: '南京理工大学 腐蚀与防护课题组',
    institution: '南京理工大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['海洋重防腐涂层', '石墨烯改性环氧', '水性防腐涂料', '电化学阻抗谱', '加速老化试验'],
    description:
      '课题组负责人为材料科学与工程学院刘蕴华教授，研究方向为海洋工程重防腐涂层设计、涂层失效机理与寿命预测。团队开发的片层填料改性环氧富锌底漆中性盐雾试验超过6000小时无起泡，已在海上风电导管架防腐项目中试用。主持国家自然科学基金面上项目3项、海洋工程装备领域企业合作项目15项，授权发明专利19件。拥有电化学工作站、循环盐雾箱和紫外老化试验箱。',
    members: [
      { name: '刘蕴华', email: 'liu.yunhua@njust.edu.example', phone: '15905164829', title: '教授' },
      { name: '吉伟', email: 'ji.wei@njust.edu.example', title: '副教授' },
    ],
  },
  // —— 江南大学 ——
  {
    key: 'jiangnan-bioprocess',
    name: '江南大学 生物制药工艺工程课题组',
    institution: '江南大学',
    institutionKind: 'university',
    district: '无锡市',
    researchFields: ['CHO细胞培养', '无血清培养基开发', '流加工艺优化', '抗体纯化', '宿主细胞蛋白去除'],
    description:
      '课题组负责人为生物工程学院段志伟教授，主要从事哺乳动物细胞高密度培养、代谢调控与抗体下游纯化工艺研究。团队为十余家生物药企开发化学成分限定培养基，使CHO细胞抗体表达量提升至6–8g/L。承担国家重点研发计划“合成生物学”重点专项课题1项，授权发明专利22件。拥有50L和200L生物反应器中试平台以及多套层析纯化系统。',
    members: [
      { name: '段志伟', email: 'duan.zhiwei@jiangnan.edu.example', phone: '13961875240', title: '教授' },
      { name: '毛婧', email: 'mao.jing@jiangnan.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'jiangnan-industrial-ai',
    name: '江南大学 工业智能与数据采集团队',
    institution: '江南大学',
    institutionKind: 'university',
    district: '无锡市',
    researchFields: ['工业数据采集', '刀具磨损预测', '设备预测性维护', '边缘计算', '工业知识图谱'],
    description:
      '团队隶属物联网工程学院，负责人为程晓东教授，研究方向为制造过程数据采集、工业时序数据建模与设备健康管理。团队开发的多协议数控设备采集网关支持十余种主流数控系统，已在无锡、常州200余家企业部署。近五年承担工业互联网创新发展工程项目1项，获软件著作权30余项、授权发明专利11件。',
    members: [{ name: '程晓东', email: 'cheng.xiaodong@jiangnan.edu.example', phone: '18861572039', title: '教授' }],
  },
  // —— 中国科学院 ——
  {
    key: 'sinano-electrolysis',
    name: '中国科学院苏州纳米技术与纳米仿生研究所 PEM电解水制氢团队',
    institution: '中国科学院苏州纳米技术与纳米仿生研究所',
    institutionKind: 'institute',
    district: '苏州市',
    researchFields: ['PEM电解水', '低铱阳极催化剂', '膜电极', '析氧反应', '多孔传输层'],
    description:
      '团队负责人为方静怡研究员，主要研究质子交换膜电解水用低铱与非贵金属析氧催化剂、膜电极规模化制备和多孔传输层涂层。团队研制的铱载量0.3mg/cm²膜电极在2A/cm²下电压低于1.85V，已完成千小时耐久性测试。承担中国科学院战略性先导科技专项子课题1项、江苏省重点研发计划项目1项，授权发明专利16件。具备卷对卷涂布膜电极中试线和单池至电堆测试平台。',
    members: [
      { name: '方静怡', email: 'fang.jingyi@sinano.ac.example', phone: '13962158407', title: '研究员' },
      { name: '胥磊', email: 'xu.lei@sinano.ac.example', title: '副研究员' },
    ],
  },
  {
    key: 'nimte-fuelcell',
    name: '中国科学院宁波材料技术与工程研究所 燃料电池与金属双极板团队',
    institution: '中国科学院宁波材料技术与工程研究所',
    institutionKind: 'institute',
    district: '宁波市',
    researchFields: ['质子交换膜燃料电池', '金属双极板', '导电耐蚀涂层', '电堆集成'],
    description:
      '团队负责人为汪立群研究员，主要研究燃料电池金属双极板精密冲压成形、碳基导电耐蚀涂层和电堆结构设计。开发的非晶碳涂层双极板接触电阻低于5mΩ·cm²、腐蚀电流密度低于1μA/cm²，已向国内多家电堆企业供样。近五年承担国家重点研发计划“氢能技术”重点专项课题2项，授权发明专利28件。拥有离子镀膜中试线和100kW燃料电池测试台。',
    members: [{ name: '汪立群', email: 'wang.liqun@nimte.ac.example', phone: '13586620753', title: '研究员' }],
  },
  {
    key: 'sibet-imaging',
    name: '中国科学院苏州生物医学工程技术研究所 医学影像设备研发团队',
    institution: '中国科学院苏州生物医学工程技术研究所',
    institutionKind: 'institute',
    district: '苏州市',
    researchFields: ['超声换能器', '医学影像系统', '低功耗前端电路', '医学图像重建', '医疗器械注册检验'],
    description:
      '团队负责人为潘志远研究员，从事医学超声和光学成像设备的整机研发与产业化。团队研制的128阵元高频线阵探头和低功耗超声前端方案已转化给两家医疗器械企业，并协助其取得二类医疗器械注册证。承担国家重点研发计划“诊疗装备与生物医用材料”重点专项项目1项，授权发明专利35件。具备探头声学性能测试、电磁兼容预测试和洁净装配条件。',
    members: [
      { name: '潘志远', email: 'pan.zhiyuan@sibet.ac.example', phone: '18913527604', title: '研究员' },
      { name: '邹敏', email: 'zou.min@sibet.ac.example', title: '高级工程师' },
    ],
  },
  // —— 江苏省产业技术研究院 ——
  {
    key: 'jitri-polymer',
    name: '江苏集萃先进高分子材料研究所 热塑性复合材料团队',
    institution: '江苏集萃先进高分子材料研究所',
    institutionKind: 'institute',
    district: '苏州市',
    researchFields: ['碳纤维增强PEEK', '纤维树脂界面改性', '连续纤维预浸带', '热塑性复合材料成型', '疲劳性能评价'],
    description:
      '团队负责人为研究所副所长、正高级工程师姚振邦博士，研究方向为高性能热塑性复合材料的界面设计、连续纤维预浸带制备与热压成型。团队开发的耐高温上浆剂使碳纤维/PEEK层间剪切强度提升25%，预浸带孔隙率稳定在0.8%以下。近三年承担江苏省重点研发计划项目2项、企业合同研发项目30余项，授权发明专利13件。拥有熔融浸渍预浸带中试线和自动铺放设备。',
    members: [{ name: '姚振邦', email: 'yao.zhenbang@apm.jitri.example', phone: '13771862045', title: '正高级工程师、副所长' }],
  },
  {
    key: 'jitri-robotics',
    name: '江苏集萃智能制造技术研究所 工业机器人应用团队',
    institution: '江苏集萃智能制造技术研究所',
    institutionKind: 'institute',
    district: '南京市',
    researchFields: ['机器人力控', '打磨抛光', '三维视觉引导', '数字孪生产线', '机器人离线编程'],
    description:
      '团队负责人为研究所首席工程师许正阳（研究员级高级工程师），长期从事工业机器人系统集成和智能产线开发。团队研发的三维视觉引导机器人打磨系统已在铸件和船舶分段领域推广30余套。近五年承担江苏省科技成果转化专项资金项目1项，授权发明专利12件、软件著作权20项。拥有机器人应用验证中心和多品牌机器人测试平台。',
    members: [
      { name: '许正阳', email: 'xu.zhengyang@im.jitri.example', phone: '15380927614', title: '研究员级高级工程师' },
      { name: '龚瑞', email: 'gong.rui@im.jitri.example', title: '视觉算法工程师' },
    ],
  },
  // —— 其他高校 ——
  {
    key: 'cumt-coal',
    name: '中国矿业大学 煤炭清洁转化课题组',
    institution: '中国矿业大学',
    institutionKind: 'university',
    district: '徐州市',
    researchFields: ['煤制乙二醇', '合成气净化', '催化剂寿命评价', '微量杂质脱除', '煤化工过程模拟'],
    description:
      '课题组负责人为化工学院贺建军教授，主要从事煤气化合成气净化、煤制乙二醇全流程工艺优化和产品精制研究。团队针对煤制乙二醇紫外透光率问题提出了醛类杂质加氢精制与吸附组合工艺，已在两套20万吨级装置上应用。承担国家重点研发计划“煤炭清洁高效利用”重点专项课题1项，授权发明专利21件。拥有合成气净化和加氢中试装置以及流程模拟平台。',
    members: [{ name: '贺建军', email: 'he.jianjun@cumt.edu.example', phone: '13605219368', title: '教授' }],
  },
  {
    key: 'nuaa-machining',
    name: '南京航空航天大学 精密与特种加工团队',
    institution: '南京航空航天大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['难加工材料切削', '超声振动辅助加工', '刀具磨损监测', '复合材料制孔', '切削仿真'],
    description:
      '团队负责人为机电学院丁海涛教授，主要研究航空难加工材料高效切削、超声振动辅助加工与刀具状态在线监测。团队建立的基于主轴功率和振动信号的刀具剩余寿命模型在航空结构件车间应用后，刀具消耗降低约18%。近五年承担国家科技重大专项课题2项，授权发明专利24件。拥有五轴加工中心、切削测力仪和声发射监测系统。',
    members: [
      { name: '丁海涛', email: 'ding.haitao@nuaa.edu.example', phone: '13913047582', title: '教授' },
      { name: '阮婕', email: 'ruan.jie@nuaa.edu.example', title: '副教授' },
    ],
  },
  {
    key: 'njtech-membrane',
    name: '南京工业大学 膜分离与废水资源化团队',
    institution: '南京工业大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['陶瓷膜', '纳滤分盐', '膜污染控制', '高盐废水零排放', '膜催化耦合'],
    description:
      '团队负责人为化工学院钟敏教授，长期从事陶瓷膜制备及其在工业废水处理中的应用研究。团队开发的纳滤分盐与蒸发结晶组合工艺在化工园区高盐废水零排放项目中实现硫酸钠和氯化钠纯度均高于98%。承担国家重点研发计划课题1项、江苏省重点研发计划项目2项，授权发明专利30件。拥有陶瓷膜中试生产线和移动式膜处理撬装设备。',
    members: [{ name: '钟敏', email: 'zhong.min@njtech.edu.example', phone: '18751938206', title: '教授' }],
  },
  {
    key: 'njtech-battery-safety',
    name: '南京工业大学 储能安全与热管理团队',
    institution: '南京工业大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['电池热失控', '热失控早期预警', '储能消防', '电池热管理', '特征气体探测'],
    description:
      '团队依托安全科学与工程学院，负责人为杭立峰教授，主要研究锂离子电池热失控机理、多参数早期预警与储能舱消防抑制技术。团队提出的基于氢气与一氧化碳特征气体的热失控预警方法，可在电芯冒烟前8–10分钟发出预警，已在多个储能电站示范应用。承担国家重点研发计划“储能与智能电网技术”重点专项课题1项，授权发明专利27件。拥有绝热加速量热仪、电池燃爆试验舱和储能舱级火灾试验平台。',
    members: [
      { name: '杭立峰', email: 'hang.lifeng@njtech.edu.example', phone: '13584036921', title: '教授' },
      { name: '汤悦', email: 'tang.yue@njtech.edu.example', title: '讲师' },
    ],
  },
  {
    key: 'cpu-formulation',
    name: '中国药科大学 生物药制剂与工艺课题组',
    institution: '中国药科大学',
    institutionKind: 'university',
    district: '南京市',
    researchFields: ['高浓度抗体制剂', '蛋白聚集控制', '冻干工艺', '制剂稳定性研究', '质量源于设计'],
    description:
      '课题组负责人为药学院袁晓晨教授，研究方向为抗体等生物大分子药物的制剂处方设计、聚集机理与工艺放大。团队建立的高通量处方筛选平台已为20余个在研抗体药物提供制剂开发服务，其中3个品种进入Ⅲ期临床。主持国家自然科学基金项目4项、“重大新药创制”科技重大专项子课题1项，授权发明专利10件。拥有动态光散射仪、差示扫描荧光仪和中试冻干机。',
    members: [{ name: '袁晓晨', email: 'yuan.xiaochen@cpu.edu.example', phone: '15951862473', title: '教授' }],
  },
  // —— 外地企业研发团队 ——
  {
    key: 'weiding-servo',
    name: '江苏威鼎智能装备有限公司 研究院伺服驱动团队',
    institution: '江苏威鼎智能装备有限公司',
    institutionKind: 'company',
    district: '常州市',
    researchFields: ['伺服电机驱动', '超级电容储能', '能量回馈', '运动控制', '压力机控制系统'],
    description:
      '团队隶属江苏威鼎智能装备有限公司研究院，负责人为研究院院长、高级工程师韩东，团队成员12人。主要开发大功率伺服驱动器、直流母线超级电容储能与能量回馈系统，产品已配套国内多家伺服压力机厂商。近三年主持常州市科技支撑计划项目2项，授权发明专利8件、实用新型专利26件。具备400kW伺服系统对拖试验台和电能质量分析设备。',
    members: [
      { name: '韩东', email: 'han.dong@weiding-tech.example', phone: '13915094862', title: '研究院院长、高级工程师' },
    ],
  },
];
